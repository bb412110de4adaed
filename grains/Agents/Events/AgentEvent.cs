namespace MissionControl.Grains.Agents.Events;

/// <summary>Base of every event in an agent's stream. <paramref name="At"/> is when it was decided.</summary>
public abstract record AgentEvent(DateTimeOffset At);
