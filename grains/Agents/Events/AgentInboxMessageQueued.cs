using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>A message was put in the agent's inbox, pending until a poll leases it.</summary>
[EventName("agent.inbox_message_queued")]
public sealed record AgentInboxMessageQueued(Guid MessageId, string ConversationId, string Content, DateTimeOffset At)
    : AgentInboxMessageEvent(MessageId, At)
{
    /// <summary>The agent that sent it; null when it did not come from an agent.</summary>
    public Guid? SenderAgentId { get; init; }

    /// <summary>The sender's name when it was sent.</summary>
    public string? SenderAgentName { get; init; }

    /// <summary>Set on a reply: the message (in the sender's inbox) whose report produced it.</summary>
    public Guid? ReplyTo { get; init; }
}
