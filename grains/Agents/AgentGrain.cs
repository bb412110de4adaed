using System.Security.Cryptography;
using System.Text;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;
using MissionControl.Runtime;

namespace MissionControl.Grains.Agents;

/// <summary>
/// The agent's event stream behind a grain: loads, decides with <see cref="AgentDecider"/>,
/// appends, then carries out the gateway side effects. Offline detection is a durable reminder
/// re-armed by every heartbeat; when it fires, the decider marks the agent offline only if it is
/// still silent, so a redelivered or late firing (another silo saw a heartbeat meanwhile) appends nothing.
/// </summary>
public sealed partial class AgentGrain(
    AgentOptions options,
    TimeProvider clock,
    WorkspaceProvisioner provisioner,
    IAgentSurroundings surroundings,
    IAgentDeparture departure,
    Orleans.IGrainFactory cluster)
    : EventSourcedGrain<AgentState?, AgentEvent>, IAgentGrain, IRemindable
{
    public const string OfflineCheck = "offline-check";

    protected override AgentState? InitialState => null;

    protected override AgentState? Apply(AgentState? state, AgentEvent @event) => AgentEvolver.Apply(state, @event);

    public async Task<AgentPresence> Register(NewAgent agent)
    {
        TemplateOverrideCheck.Validate(WorkspaceContextFactory.RoleOf(agent.IsGatewayMain, agent.IsBoardLead), agent.IdentityTemplate, agent.SoulTemplate);
        var token = MintToken();
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
        await CatchUpAsync();
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
        await Execute(state => AgentDecider.Decide(state, new RecordHeartbeat(now) { Status = status }));
        await ArmOfflineCheckAsync(now + options.OfflineAfter, now);
        return AgentRequests.ToSnapshot(State!, Version);
    }

    public async Task<AgentSnapshot?> RecordOwnHeartbeat(string? status, string tokenHash)
    {
        var now = clock.GetUtcNow();
        // An empty decision is confirmed against the stream and an append carries the version it
        // decided on, so the hash compared here is the agent's current one, not a cached guess.
        var events = await Execute(state => HoldsToken(state, tokenHash)
            ? AgentDecider.Decide(state, new RecordHeartbeat(now) { Status = status })
            : []);
        if (events.Count == 0)
            return null;
        await ArmOfflineCheckAsync(now + options.OfflineAfter, now);
        return AgentRequests.ToSnapshot(State!, Version);
    }

    private static bool HoldsToken(AgentState? state, string tokenHash) =>
        state is { IsDeleted: false }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(state.TokenHash), Encoding.UTF8.GetBytes(tokenHash));

    public async Task<AgentPresence> GetPresence()
    {
        await CatchUpAsync();
        return Presence();
    }

    public async Task<AgentSnapshot?> Get()
    {
        await CatchUpAsync();
        return State is null || State.IsDeleted ? null : AgentRequests.ToSnapshot(State, Version);
    }

    public Task ReceiveReminder(string reminderName, ReminderTick tick) => reminderName switch
    {
        OfflineCheck => CheckLivenessAsync(),
        ProvisionWatch => WatchProvisionAsync(),
        CheckIn => CheckInAsync(),
        DeletionWatch => FinishDeletionAsync(),
        _ => Task.CompletedTask,
    };

    private async Task CheckLivenessAsync()
    {
        var now = clock.GetUtcNow();
        _offlineCheckDue = null; // this firing used it up
        var events = await Execute(state => AgentDecider.Decide(state, new CheckLiveness(now) { OfflineAfter = options.OfflineAfter }));
        // Fired early (heartbeats leave a due time alone that moves only a little, and another
        // silo may have seen one meanwhile): watch the time that remains.
        if (events.Count == 0 && State is { LastSeenAt: { } seen } agent && AgentStatus.CountsAsLive(agent.Status))
            await ArmOfflineCheckAsync(now + Max(seen + options.OfflineAfter - now, MinimumRecheck), now);
    }

    private static readonly TimeSpan MinimumRecheck = TimeSpan.FromMilliseconds(100);

    // When this activation last armed the offline check; null when unknown or already fired.
    private DateTimeOffset? _offlineCheckDue;

    /// <summary>
    /// Makes sure the offline check fires by <paramref name="due"/>. A heartbeat would move it a
    /// little later each time, one database write per heartbeat; an armed check that is still
    /// pending, not later than wanted and less than a quarter of OFFLINE_AFTER early is left
    /// alone instead. Firing early costs one re-check, which re-arms for the time that remains.
    /// Whatever this activation does not know (a fresh activation, a firing elsewhere) re-arms.
    /// </summary>
    private async Task ArmOfflineCheckAsync(DateTimeOffset due, DateTimeOffset now)
    {
        if (_offlineCheckDue is { } armed && armed > now && armed <= due && due - armed < options.OfflineAfter / 4)
            return;
        _offlineCheckDue = null; // unknown until the write lands
        await RegisterOrUpdateReminder(OfflineCheck, due - now);
        _offlineCheckDue = due;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
