using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>The agent was marked offline, once, for <paramref name="Reason"/>.</summary>
[EventName("agent.went_offline")]
public sealed record AgentWentOffline(
    DateTimeOffset? LastSeenAt,
    string Reason,
    DateTimeOffset At) : AgentEvent(At);
