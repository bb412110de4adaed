using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>Gateway cleanup failed; the agent stays in deleting so the cleanup can be retried.</summary>
[EventName("agent.deletion_failed")]
public sealed record AgentDeletionFailed(string Error, DateTimeOffset At) : AgentEvent(At);
