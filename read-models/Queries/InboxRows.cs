namespace MissionControl.ReadModels.Queries;

/// <summary>The agent an inbox key belongs to.</summary>
public sealed record InboxKeyOwner(Guid AgentId, Guid? BoardId, bool IsBoardLead);

/// <summary>One inbox message as the read model holds it (the operator listing).</summary>
public sealed record InboxMessageRow(
    Guid AgentId,
    Guid Id,
    string ConversationId,
    Guid? SenderAgentId,
    string? SenderAgentName,
    Guid? ReplyTo,
    string Content,
    string Status,
    int Deliveries,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset? DeliveredAt,
    string? Result,
    string? DeadLetterReason,
    DateTimeOffset? FinishedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
