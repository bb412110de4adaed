using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Common;
using MissionControl.OpenClaw.Operations;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>
/// The one-off gateway calls agents make about each other: a nudge into a session and the
/// SOUL.md of a workspace. Failures surface as <see cref="OpenClaw.Errors.GatewayException"/>.
/// </summary>
public sealed class AgentGatewayCalls(IAgentSurroundings surroundings, WorkspaceProvisioner provisioner)
{
    public const string SoulFile = "SOUL.md";

    /// <summary>Sends <paramref name="message"/> into the agent's session, delivered to its channel.</summary>
    public async Task NudgeAsync(AgentRow agent, string message, CancellationToken ct)
    {
        var control = await ControlPlaneAsync(agent, ct);
        await control.SendChatAsync(agent.SessionKey, message, $"nudge-{Guid.NewGuid():N}", deliver: true, ct);
    }

    /// <summary>The agent's SOUL.md as its workspace has it ("" when it has none).</summary>
    public async Task<string> ReadSoulAsync(AgentRow agent, CancellationToken ct)
    {
        var control = await ControlPlaneAsync(agent, ct);
        var file = await control.GetAgentFileAsync(GatewayAgentId(agent), SoulFile, ct);
        return file.Missing ? "" : file.Content ?? "";
    }

    public async Task WriteSoulAsync(AgentRow agent, string content, CancellationToken ct)
    {
        var control = await ControlPlaneAsync(agent, ct);
        await control.SetAgentFileAsync(GatewayAgentId(agent), SoulFile, content, cancellationToken: ct);
    }

    private async Task<IGatewayControlPlane> ControlPlaneAsync(AgentRow agent, CancellationToken ct)
    {
        var gateway = await surroundings.FindGatewayAsync(agent.GatewayId, ct)
            ?? throw DomainError.Validation("Board gateway_id is invalid");
        return provisioner.ControlPlane(gateway);
    }

    private static string GatewayAgentId(AgentRow agent) =>
        SessionKeys.AgentKey(agent.SessionKey) ?? throw DomainError.Validation("Target agent has no session key");
}
