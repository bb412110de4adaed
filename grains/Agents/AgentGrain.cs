using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Runtime;

namespace MissionControl.Grains.Agents;

/// <summary>
/// The agent's event stream behind a grain: loads, decides with <see cref="AgentDecider"/>,
/// appends. Offline detection is a durable reminder re-armed by every heartbeat; when it fires,
/// the decider marks the agent offline only if it is still silent, so a redelivered or late
/// firing (another silo saw a heartbeat meanwhile) appends nothing.
/// </summary>
public sealed class AgentGrain(AgentOptions options, TimeProvider clock)
    : EventSourcedGrain<AgentState?, AgentEvent>, IAgentGrain, IRemindable
{
    public const string OfflineCheck = "offline-check";

    protected override AgentState? InitialState => null;

    protected override AgentState? Apply(AgentState? state, AgentEvent @event) => AgentEvolver.Apply(state, @event);

    public async Task<AgentPresence> Register(NewAgent agent)
    {
        await Execute(state => AgentDecider.Decide(state, new CreateAgent(
            agent.AgentId, agent.Name, agent.BoardId, agent.GatewayId, agent.TokenHash, clock.GetUtcNow())
        {
            IsBoardLead = agent.IsBoardLead,
            IsGatewayMain = agent.IsGatewayMain,
        }));
        return Presence();
    }

    public async Task<AgentPresence> RecordHeartbeat(string? status)
    {
        await Execute(state => AgentDecider.Decide(state, new RecordHeartbeat(clock.GetUtcNow()) { Status = status }));
        await RegisterOrUpdateReminder(OfflineCheck, options.OfflineAfter);
        return Presence();
    }

    public async Task<AgentPresence> GetPresence()
    {
        await CatchUpAsync();
        return Presence();
    }

    public async Task ReceiveReminder(string reminderName, ReminderTick tick)
    {
        if (reminderName != OfflineCheck)
            return;
        var now = clock.GetUtcNow();
        var events = await Execute(state => AgentDecider.Decide(state, new CheckLiveness(now) { OfflineAfter = options.OfflineAfter }));
        // Fired early (or after a heartbeat another silo saw): watch the time that remains.
        if (events.Count == 0 && State is { LastSeenAt: { } seen } agent && AgentStatus.CountsAsLive(agent.Status))
            await RegisterOrUpdateReminder(OfflineCheck, Max(seen + options.OfflineAfter - now, MinimumRecheck));
    }

    private static readonly TimeSpan MinimumRecheck = TimeSpan.FromMilliseconds(100);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private AgentPresence Presence() =>
        State is null ? throw Common.DomainError.NotFound() : new AgentPresence(State.Status, State.LastSeenAt, Version);
}
