using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>Gateway cleanup finished and the agent is gone.</summary>
[EventName("agent.deleted")]
public sealed record AgentDeleted(DateTimeOffset At) : AgentEvent(At);
