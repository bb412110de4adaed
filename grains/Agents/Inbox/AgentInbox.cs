using System.Text.Json.Serialization;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>
/// The part of an agent's state that is its inbox. Kept small on purpose: every message not yet
/// finished (<see cref="Open"/>, oldest first) and a bounded tail of finished ones
/// (<see cref="Recent"/>, newest last) for report idempotency and conversation history. The whole
/// history is in the stream and in the <c>inbox_messages</c> read model.
/// </summary>
/// <param name="Open">Pending and delivered messages, in the order they were queued.</param>
/// <param name="Recent">The last <see cref="RecentLimit"/> completed or dead-lettered messages.</param>
/// <param name="KeyIssuedAt">When the current inbox key was issued; null when the agent has none.</param>
public sealed record AgentInbox(IReadOnlyList<InboxMessage> Open, IReadOnlyList<InboxMessage> Recent, DateTimeOffset? KeyIssuedAt)
{
    /// <summary>Finished messages kept in state.</summary>
    public const int RecentLimit = 50;

    public static AgentInbox Empty { get; } = new([], [], null);

    /// <summary>The message with this id among the open and recent ones; null when unknown here.</summary>
    public InboxMessage? Find(Guid messageId) =>
        Open.FirstOrDefault(m => m.Id == messageId) ?? Recent.FirstOrDefault(m => m.Id == messageId);
}

/// <summary>One message in an agent's inbox.</summary>
/// <param name="Id">Message id (the sender's idempotency key, or generated).</param>
/// <param name="ConversationId">The conversation it belongs to.</param>
/// <param name="SenderAgentId">The sending agent; null for other senders.</param>
/// <param name="SenderAgentName">The sender's name when sent.</param>
/// <param name="Content">The text.</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="Status">An <see cref="InboxMessageStatus"/> value.</param>
/// <param name="Deliveries">How many times a poll has leased it.</param>
/// <param name="LeaseExpiresAt">While delivered: when the lease runs out.</param>
/// <param name="Result">The agent's report, once completed.</param>
/// <param name="FinishedAt">When it was completed or dead-lettered.</param>
public sealed record InboxMessage(
    Guid Id,
    string ConversationId,
    Guid? SenderAgentId,
    string? SenderAgentName,
    string Content,
    DateTimeOffset QueuedAt,
    string Status,
    int Deliveries,
    DateTimeOffset? LeaseExpiresAt,
    string? Result,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The message whose report this one answers; null when it is not a reply.</summary>
    public Guid? ReplyTo { get; init; }

    /// <summary>Why it was dead-lettered.</summary>
    public string? DeadLetterReason { get; init; }

    [JsonIgnore]
    public bool IsOpen => Status is InboxMessageStatus.Pending or InboxMessageStatus.Delivered;

    /// <summary>True while a poll holds it: delivered and the lease has not run out at <paramref name="now"/>.</summary>
    public bool IsLeasedAt(DateTimeOffset now) =>
        Status == InboxMessageStatus.Delivered && LeaseExpiresAt is { } expires && expires > now;
}
