using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using System.Text;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;
using MissionControl.Grains.Agents.Presence;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Agents;

/// <summary>
/// The agent's event stream behind a grain: loads, decides with <see cref="AgentDecider"/>,
/// appends, then carries out the gateway side effects. Silence is watched by the offline sweep
/// of the agent's gateway (<see cref="OfflineSweepGrain"/>), which a heartbeat enlists only when
/// the sweep may not be watching yet, so heartbeats write no reminders; the sweep asks the agent
/// to judge itself, and the decider marks it offline only if it is still silent.
/// </summary>
[GrainType("agent")]
public sealed partial class AgentGrain(
    AgentOptions options,
    TimeProvider clock,
    WorkspaceProvisioner provisioner,
    IAgentSurroundings surroundings,
    IAgentDeparture departure,
    IGrainFactory cluster,
    ILogger<AgentGrain> logger)
    : EventSourcedGrain<AgentState?, AgentEvent>, IAgentGrain
{
    // The token Register will use, minted by MintTokenAhead outside the roster's turn.
    private MintedToken? _mintedAhead;

    protected override AgentState? InitialState => null;

    protected override AgentState? Apply(AgentState? state, AgentEvent @event)
    {
        var next = AgentEvolver.Apply(state, @event);
        ForgetSweepUnlessLive(next);
        return next;
    }

    public async Task<AgentPresence> Register(NewAgent agent)
    {
        TemplateOverrideCheck.Validate(WorkspaceContextFactory.RoleOf(agent.IsGatewayMain, agent.IsBoardLead), agent.IdentityTemplate, agent.SoulTemplate);
        var token = _mintedAhead ?? MintToken();
        _mintedAhead = null;
        await Execute(state => AgentDecider.Decide(state, new CreateAgent(
            agent.AgentId, agent.Name, agent.BoardId, agent.GatewayId, token.Hash, clock.GetUtcNow())
        {
            TokenLookup = token.Lookup,
            IsBoardLead = agent.IsBoardLead,
            IsGatewayMain = agent.IsGatewayMain,
            HeartbeatConfig = agent.HeartbeatConfig,
            IdentityProfile = agent.IdentityProfile,
            IdentityTemplate = agent.IdentityTemplate,
            SoulTemplate = agent.SoulTemplate,
        }));
        await StartAttemptAsync(token.Raw);
        return Presence();
    }

    public async Task<AgentPresence> Update(AgentChanges changes)
    {
        if (State is { } current)
            TemplateOverrideCheck.Validate(WorkspaceContextFactory.RoleOf(current), changes.IdentityTemplate, changes.SoulTemplate);
        var token = MintToken();
        var events = await Execute(state => AgentDecider.Decide(state, AgentRequests.ToCommand(changes, token, clock.GetUtcNow())));
        if (events.Any(e => e is AgentProvisionStarted))
            await StartAttemptAsync(token.Raw);
        return Presence();
    }

    public async Task<AgentPresence> RetryProvisioning(bool forceBootstrap)
    {
        var token = MintToken();
        await Execute(state => AgentDecider.Decide(state, new Agents.RetryProvisioning(token.Hash, clock.GetUtcNow())
        {
            NewTokenLookup = token.Lookup,
            ForceBootstrap = forceBootstrap,
        }));
        await StartAttemptAsync(token.Raw);
        return Presence();
    }

    public async Task<AgentSnapshot> RecordHeartbeat(string? status)
    {
        var now = clock.GetUtcNow();
        await AfterSeenAsync(await Execute(state => AgentDecider.Decide(state, new RecordHeartbeat(now) { Status = status })));
        return AgentRequests.ToSnapshot(State!, Version);
    }

    public async Task<AgentSnapshot?> RecordOwnHeartbeat(string? status, string tokenHash)
    {
        var now = clock.GetUtcNow();
        // The one activation holds the stream's state, and an append carries the version it
        // decided on, so the hash compared here is the agent's current one, not a cached guess.
        var events = await Execute(state => HoldsToken(state, tokenHash)
            ? AgentDecider.Decide(state, new RecordHeartbeat(now) { Status = status })
            : []);
        if (events.Count == 0)
            return null;
        await AfterSeenAsync(events);
        return AgentRequests.ToSnapshot(State!, Version);
    }

    private static bool HoldsToken(AgentState? state, string tokenHash) =>
        state is { IsDeleted: false }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state.TokenHash), Encoding.UTF8.GetBytes(tokenHash));

    public Task<AgentPresence> GetPresence() => Task.FromResult(Presence());

    public Task<AgentSnapshot?> Get() =>
        Task.FromResult(State is null || State.IsDeleted ? null : AgentRequests.ToSnapshot(State, Version));

    public Task MintTokenAhead()
    {
        if (State is null)
            _mintedAhead ??= MintToken();
        return Task.CompletedTask;
    }

    private MintedToken MintToken()
    {
        var raw = AgentTokens.Mint();
        return new MintedToken(raw, AgentTokens.Hash(raw, options.TokenHashIterations), AgentTokens.LookupKey(raw));
    }

    private AgentPresence Presence() =>
        State is null ? throw DomainError.NotFound() : new AgentPresence(State.Status, State.LastSeenAt, Version);
}

/// <summary>A freshly minted token: the raw value (kept in memory only), its hash and lookup key.</summary>
internal sealed record MintedToken(string Raw, string Hash, string Lookup);
