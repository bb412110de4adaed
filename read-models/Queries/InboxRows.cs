namespace MissionControl.ReadModels.Queries;

/// <summary>The agent an inbox key belongs to.</summary>
public sealed record InboxKeyOwner(Guid AgentId, Guid? BoardId, bool IsBoardLead);

/// <summary>What the inbox needs to know about an agent: where it sits and what it is called.</summary>
public sealed record InboxAgentRow(Guid Id, Guid? OrganizationId, Guid? BoardId, Guid GatewayId, string Name, string Status);

/// <summary>An agent in another agent's directory (the poll's <c>relationships</c>).</summary>
public sealed record InboxPeerRow(Guid Id, string Name, bool IsBoardLead, bool IsGatewayMain, string? Description);

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
