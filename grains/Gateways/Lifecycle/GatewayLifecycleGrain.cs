using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Gateways.TemplateSync;
using Orleans;

namespace MissionControl.Grains.Gateways.Lifecycle;

/// <summary>
/// Registers, changes and deletes one gateway (see <see cref="IGatewayLifecycleGrain"/>). It calls
/// the gateway's grain and its roster, and nothing calls it back, so a workflow never waits on
/// itself; one activation per gateway runs one workflow of that gateway at a time.
/// </summary>
[GrainType("gateway-lifecycle")]
public sealed class GatewayLifecycleGrain(
    IGrainFactory grains, GatewayCompatibility compatibility, AgentPlacement placement, IGatewayRoster roster, TimeProvider clock)
    : Grain, IGatewayLifecycleGrain
{
    private Guid GatewayId => Guid.Parse(this.GetPrimaryKeyString());

    private IGatewayGrain Gateway => grains.GetGrain<IGatewayGrain>(this.GetPrimaryKeyString());

    public async Task<GatewayView> Register(NewGateway gateway)
    {
        // The domain's own verdict on the fields first, so a bad name is not met by a network round trip.
        GatewayDecider.Decide(null, GatewayRegistrations.ToCommand(GatewayId, gateway, clock.GetUtcNow()));
        await compatibility.CheckAsync(GatewayRegistrations.ConnectionOf(GatewayId, gateway), CancellationToken.None);
        await Gateway.Register(gateway);
        await placement.EnsureGatewayMainAsync(GatewayId);
        return await Gateway.Get();
    }

    public async Task<GatewayView> Change(GatewayChanges changes)
    {
        var before = await Gateway.Get();
        var current = await Gateway.GetConnection();
        var next = GatewayRegistrations.Apply(current, changes);
        var reconnects = next != current;
        if (reconnects)
            await compatibility.CheckAsync(next, CancellationToken.None);

        var after = await Gateway.Update(changes);
        await GatewayMainAgent.FollowAsync(grains, placement, before, after, reconnects);
        return await Gateway.Get();
    }

    public async Task Delete()
    {
        var gateway = await Gateway.Get();
        var mains = (await roster.AgentsAsync(GatewayId, CancellationToken.None)).Where(agent => agent.IsGatewayMain).Select(agent => agent.AgentId)
            .Concat(gateway.MainAgentId is { } named ? [named] : [])
            .Distinct()
            .ToList();
        await Gateway.Delete();
        foreach (var mainAgentId in mains)
            await GatewayMainAgent.DeleteAsync(grains, mainAgentId);
    }
}
