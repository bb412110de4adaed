using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>The agent checked in; <paramref name="Status"/> is its status afterwards.</summary>
[EventName("agent.heartbeat_recorded")]
public sealed record AgentHeartbeatRecorded(string Status, DateTimeOffset At) : AgentEvent(At);
