namespace MissionControl.Grains.Agents.Events;

/// <summary>Base of the events that move one message through the agent's inbox.</summary>
public abstract record AgentInboxMessageEvent(Guid MessageId, DateTimeOffset At) : AgentEvent(At);
