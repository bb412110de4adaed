using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>
/// A provision attempt succeeded. When the agent was woken, it must check in by
/// <paramref name="CheckInDeadline"/>.
/// </summary>
[EventName("agent.provision_completed")]
public sealed record AgentProvisionCompleted(
    int Generation,
    bool WakeSent,
    DateTimeOffset? CheckInDeadline,
    DateTimeOffset At) : AgentEvent(At);
