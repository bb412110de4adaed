using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>The agent reported the message with <paramref name="Result"/>; it is never delivered again.</summary>
[EventName("agent.inbox_message_completed")]
public sealed record AgentInboxMessageCompleted(Guid MessageId, string Result, DateTimeOffset At)
    : AgentInboxMessageEvent(MessageId, At);
