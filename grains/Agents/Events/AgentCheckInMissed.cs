using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>A woken agent did not check in by its deadline; it will be woken again.</summary>
[EventName("agent.checkin_missed")]
public sealed record AgentCheckInMissed(int WakeAttempts, DateTimeOffset At) : AgentEvent(At);
