using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.Events;
using Contracts = MissionControl.GrainInterfaces.Gateways;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Gateways;

/// <summary>
/// A gateway's event stream behind <see cref="IGatewayGrain"/>: translates requests into
/// <see cref="GatewayDecider"/> commands stamped with the clock's time, appends what it decides,
/// and answers with the token-free view.
/// </summary>
[GrainType("gateway")]
public sealed class GatewayGrain(TimeProvider clock) : EntityGrain<GatewayState, GatewayEvent>, IGatewayGrain
{
    protected override string NotFoundDetail => "Gateway not found";

    protected override bool IsLive(GatewayState state) => !state.IsDeleted;

    protected override GatewayState? Apply(GatewayState? state, GatewayEvent @event) => GatewayEvolver.Apply(state, @event);

    public async Task<Contracts.GatewayView> Register(NewGateway gateway)
    {
        var command = new RegisterGateway(EntityId, gateway.OrganizationId, gateway.Name, gateway.Url, gateway.WorkspaceRoot, clock.GetUtcNow())
        {
            Token = gateway.Token,
            AllowInsecureTls = gateway.AllowInsecureTls,
            DisableDevicePairing = gateway.DisableDevicePairing,
        };
        await Execute(state => GatewayDecider.Decide(state, command));
        return GatewayViews.From(Live());
    }

    public async Task<Contracts.GatewayView> Update(GatewayChanges changes)
    {
        var command = new UpdateGateway(clock.GetUtcNow())
        {
            Name = changes.Name,
            Url = changes.Url,
            WorkspaceRoot = changes.WorkspaceRoot,
            Token = changes.Token,
            AllowInsecureTls = changes.AllowInsecureTls,
            DisableDevicePairing = changes.DisableDevicePairing,
        };
        await Execute(state => GatewayDecider.Decide(state, command));
        return GatewayViews.From(Live());
    }

    public async Task<Contracts.GatewayView> AssignMainAgent(Guid agentId)
    {
        await Execute(state => GatewayDecider.Decide(state, new AssignGatewayMainAgent(agentId, clock.GetUtcNow())));
        return GatewayViews.From(Live());
    }

    public async Task Delete()
    {
        await Execute(state => GatewayDecider.Decide(state, new DeleteGateway(clock.GetUtcNow())));
        // The decider lets a repeated delete pass; a gateway that never existed is still unknown.
        if (State is null)
            throw DomainError.NotFound(NotFoundDetail);
    }

    public Task<Contracts.GatewayView> Get() => Task.FromResult(GatewayViews.From(Live()));

    public Task<GatewayConnectionDetails> GetConnection()
    {
        var gateway = Live();
        return Task.FromResult(new GatewayConnectionDetails(
            gateway.Id, gateway.Url, gateway.Token?.Reveal(), gateway.AllowInsecureTls, gateway.DisableDevicePairing, gateway.WorkspaceRoot));
    }
}
