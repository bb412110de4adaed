using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Common;
using Orleans;

namespace MissionControl.Grains.Gateways.Lifecycle;

/// <summary>Keeps a gateway's main agent in step with the gateway it serves.</summary>
public static class GatewayMainAgent
{
    /// <summary>The name a main agent gets from its gateway (see <see cref="AgentPlacement"/>).</summary>
    public static string DefaultName(string gatewayName) => $"{gatewayName} Gateway Agent";

    /// <summary>
    /// After a gateway changed: a missing main agent (none yet, or deleted or moved onto a board
    /// since) is created; one reached through changed settings (or with its workspace root moved)
    /// is provisioned again; one still named after the gateway's old name follows the new name (a
    /// name someone chose is left alone).
    /// </summary>
    public static async Task FollowAsync(IGrainFactory grains, AgentPlacement placement, GatewayView before, GatewayView after, bool reconnected)
    {
        var agent = after.MainAgentId is { } agentId ? grains.GetGrain<IAgentGrain>(agentId.ToString()) : null;
        if (agent is null || await agent.Get() is not { IsGatewayMain: true } current || current.GatewayId != after.Id)
        {
            await placement.EnsureGatewayMainAsync(after.Id);
            return;
        }

        var reprovision = reconnected || before.WorkspaceRoot != after.WorkspaceRoot;
        var rename = before.Name != after.Name && current.Name == DefaultName(before.Name);
        if (reprovision || rename)
            await agent.Update(new AgentChanges { Name = rename ? DefaultName(after.Name) : null, Force = reprovision });
    }

    /// <summary>Deletes a main agent of a deleted gateway; one already gone is fine.</summary>
    public static async Task DeleteAsync(IGrainFactory grains, Guid agentId)
    {
        try
        {
            await grains.GetGrain<IAgentGrain>(agentId.ToString()).Delete();
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
        }
    }
}
