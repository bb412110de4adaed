using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents;

/// <summary>
/// The agent's rules: given the current state (null when the stream is empty) and a command,
/// the events to append. Pure: no clock, no randomness, no I/O. Broken rules throw
/// <see cref="DomainException"/>; an empty result means "nothing to do" (idempotent repeat).
/// </summary>
public static partial class AgentDecider
{
    /// <summary>Decides the events for <paramref name="command"/>.</summary>
    public static IReadOnlyList<AgentEvent> Decide(AgentState? state, AgentCommand command) => command switch
    {
        CreateAgent c => Create(state, c),
        UpdateAgent c => Update(state, c),
        RecordProvisionStep c => RecordStep(state, c),
        CompleteProvisioning c => Complete(state, c),
        FailProvisioning c => Fail(state, c),
        RetryProvisioning c => Retry(state, c),
        StartTemplateSync c => SyncTemplates(state, c),
        CheckProvisionProgress c => CheckProgress(state, c),
        RecordHeartbeat c => Heartbeat(state, c),
        CheckLiveness c => CheckLiveness(state, c),
        CheckCheckIn c => CheckCheckIn(state, c),
        StartDeletion c => StartDeletion(state, c),
        FailDeletion c => FailDeletion(state, c),
        CompleteDeletion c => CompleteDeletion(state, c),
        AgentInboxCommand c => DecideInbox(state, c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown agent command"),
    };

    private static readonly IReadOnlyList<AgentEvent> Nothing = [];

    /// <summary>The agent, unless it never existed or has been deleted (both look the same to callers).</summary>
    private static AgentState RequireExisting(AgentState? state) =>
        state is null || state.IsDeleted ? throw DomainError.NotFound() : state;

    /// <summary>An existing agent that is not being deleted, so it may still be changed.</summary>
    private static AgentState RequireChangeable(AgentState? state)
    {
        var agent = RequireExisting(state);
        return agent.IsDeleting ? throw DomainError.Conflict("Agent is being deleted") : agent;
    }

    /// <summary>True when a watchdog has nothing to look after.</summary>
    private static bool IsGoneOrGoing(AgentState? state) => state is null || state.IsDeleted || state.IsDeleting;

    private static AgentProvisionStarted StartAttempt(AgentState agent, string action, bool forceBootstrap, DateTimeOffset now) =>
        new(agent.NextGeneration, action, forceBootstrap, Wake: true, now);
}
