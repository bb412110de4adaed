namespace MissionControl.GrainInterfaces.Agents;

/// <summary>A message to put in an agent's inbox.</summary>
/// <param name="MessageId">Its id; queuing the same id again with the same message queues nothing.</param>
/// <param name="ConversationId">The conversation it belongs to.</param>
/// <param name="Content">The text.</param>
/// <param name="Now">When it is sent.</param>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-letter")]
public sealed record InboxLetter(Guid MessageId, string ConversationId, string Content, DateTimeOffset Now)
{
    [Orleans.Id(4)]
    public Guid? SenderAgentId { get; init; }

    [Orleans.Id(5)]
    public string? SenderAgentName { get; init; }

    /// <summary>Set on the reply to a reported message.</summary>
    [Orleans.Id(6)]
    public Guid? ReplyTo { get; init; }

    /// <summary>New sends are refused once this many messages are open (replies never are).</summary>
    [Orleans.Id(7)]
    public int MaxOpenMessages { get; init; } = InboxDefaults.MaxOpenMessages;

    [Orleans.Id(8)]
    public int MaxContentLength { get; init; } = InboxDefaults.MaxContentLength;
}

/// <summary>The message as queued; <paramref name="Duplicate"/> when it was already there.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-queued")]
public sealed record InboxQueued(Guid MessageId, bool Duplicate);

/// <summary>One poll: lease at most <paramref name="Max"/> messages at <paramref name="Now"/>.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-poll")]
public sealed record InboxPoll(int Max, DateTimeOffset Now)
{
    [Orleans.Id(2)]
    public TimeSpan VisibilityTimeout { get; init; } = InboxDefaults.VisibilityTimeout;

    [Orleans.Id(3)]
    public int MaxDeliveries { get; init; } = InboxDefaults.MaxDeliveries;
}

/// <summary>What a poll leased, oldest first.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-poll-result")]
public sealed record InboxPollResult(IReadOnlyList<LeasedMessage> Messages);

/// <summary>A message leased to the caller until <paramref name="LeaseExpiresAt"/>, with its conversation so far.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.leased-message")]
public sealed record LeasedMessage(
    Guid Id,
    string ConversationId,
    Guid? SenderAgentId,
    string? SenderAgentName,
    string Content,
    DateTimeOffset CreatedAt,
    int Attempt,
    DateTimeOffset LeaseExpiresAt,
    IReadOnlyList<InboxHistoryItem> History);

/// <summary>An earlier turn of the conversation: "user" for a message received, "assistant" for the agent's report.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-history-item")]
public sealed record InboxHistoryItem(string Role, string Content, string? SenderName, DateTimeOffset CreatedAt);

/// <summary>The agent reports <paramref name="Result"/> for a message it was delivered.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-report")]
public sealed record InboxReport(Guid MessageId, string Result, DateTimeOffset Now)
{
    [Orleans.Id(3)]
    public int MaxContentLength { get; init; } = InboxDefaults.MaxContentLength;
}

/// <summary>
/// How a report went. <paramref name="Repeated"/> when the same result had been reported before.
/// <paramref name="Reply"/> is the message the caller must queue in the sender's inbox (also on a
/// repeat, so a reply lost to a crash is queued by the retry; its id makes that idempotent).
/// </summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-report-result")]
public sealed record InboxReportResult(bool Repeated, InboxReply? Reply);

/// <summary>The reply a report sends back to the agent that sent the reported message.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-reply")]
public sealed record InboxReply(Guid ReplyId, Guid ToAgentId, Guid InReplyTo, string ConversationId, Guid FromAgentId, string FromAgentName, string Content);

/// <summary>One message of an inbox as the grain holds it (open ones and the recent finished ones).</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-message-view")]
public sealed record InboxMessageView(
    Guid Id,
    string ConversationId,
    Guid? SenderAgentId,
    string? SenderAgentName,
    string Content,
    string Status,
    int Deliveries,
    DateTimeOffset QueuedAt,
    DateTimeOffset? LeaseExpiresAt,
    string? Result,
    DateTimeOffset? FinishedAt,
    string? DeadLetterReason,
    Guid? ReplyTo);

/// <summary>The inbox settings used when a service sets none.</summary>
public static class InboxDefaults
{
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(15);

    public const int PollLimit = 20;

    public const int MaxDeliveries = 5;

    public const int MaxOpenMessages = 500;

    public const int MaxContentLength = 65_536;
}
