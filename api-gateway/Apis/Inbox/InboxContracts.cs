using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Inbox;

/// <summary>A freshly issued inbox key: the only time it is ever shown.</summary>
public sealed record InboxKeyIssued(Guid AgentId, string ApiKey);

/// <summary>One message of an agent's inbox, for operators.</summary>
public sealed record InboxMessageRead(
    Guid Id,
    string ConversationId,
    Guid? SenderAgentId,
    string? SenderAgentName,
    Guid? ReplyTo,
    string Content,
    string Status,
    int Attempts,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset? DeliveredAt,
    string? Result,
    string? DeadLetterReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public static InboxMessageRead From(InboxMessageRow row) => new(
        row.Id,
        row.ConversationId,
        row.SenderAgentId,
        row.SenderAgentName,
        row.ReplyTo,
        row.Content,
        row.Status,
        row.Deliveries,
        row.LeaseExpiresAt,
        row.DeliveredAt,
        row.Result,
        row.DeadLetterReason,
        row.CreatedAt,
        row.FinishedAt);
}
