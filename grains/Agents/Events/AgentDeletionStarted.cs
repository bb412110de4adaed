using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>Deletion was requested; gateway cleanup is pending.</summary>
[EventName("agent.deletion_started")]
public sealed record AgentDeletionStarted(DateTimeOffset At) : AgentEvent(At);
