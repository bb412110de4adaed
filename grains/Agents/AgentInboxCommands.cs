using MissionControl.GrainInterfaces.Agents;

namespace MissionControl.Grains.Agents;

/// <summary>Base of the inbox commands; each carries the inbox settings it needs, so deciding reads no configuration.</summary>
public abstract record AgentInboxCommand(DateTimeOffset Now) : AgentCommand(Now);

/// <summary>Record a new inbox key, given as its keyed hash (the raw key never reaches the grain).</summary>
public sealed record IssueInboxKey(string KeyHash, DateTimeOffset Now) : AgentInboxCommand(Now);

/// <summary>Put a message in the inbox; the same id again with the same message queues nothing.</summary>
public sealed record QueueInboxMessage(Guid MessageId, string ConversationId, string Content, DateTimeOffset Now)
    : AgentInboxCommand(Now)
{
    public Guid? SenderAgentId { get; init; }

    public string? SenderAgentName { get; init; }

    /// <summary>Set when this is the reply to a reported message; replies are never refused for a full inbox.</summary>
    public Guid? ReplyTo { get; init; }

    public int MaxOpenMessages { get; init; } = InboxDefaults.MaxOpenMessages;

    public int MaxContentLength { get; init; } = InboxDefaults.MaxContentLength;
}

/// <summary>
/// Lease up to <paramref name="Max"/> pending messages, oldest first. Expired leases are given back
/// first, and a message already delivered <see cref="MaxDeliveries"/> times is dead-lettered instead.
/// </summary>
public sealed record PollInbox(int Max, DateTimeOffset Now) : AgentInboxCommand(Now)
{
    public TimeSpan VisibilityTimeout { get; init; } = InboxDefaults.VisibilityTimeout;

    public int MaxDeliveries { get; init; } = InboxDefaults.MaxDeliveries;
}

/// <summary>Complete a delivered message with the agent's result.</summary>
public sealed record ReportInboxMessage(Guid MessageId, string Result, DateTimeOffset Now) : AgentInboxCommand(Now)
{
    public int MaxContentLength { get; init; } = InboxDefaults.MaxContentLength;
}

/// <summary>The agent called the inbox: a liveness signal that never revives a stopped, failed or deleted agent.</summary>
public sealed record RecordInboxLiveness(DateTimeOffset Now) : AgentInboxCommand(Now);
