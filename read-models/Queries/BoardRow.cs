namespace MissionControl.ReadModels.Queries;

/// <summary>A board as lists show it (the API's BoardRead), its rules flattened as upstream columns are.</summary>
public sealed record BoardRow(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Description,
    string BoardType,
    string? Objective,
    Guid GatewayId,
    Guid? LeadAgentId,
    bool IsPaused,
    bool RequireApprovalForDone,
    bool RequireReviewBeforeDone,
    bool CommentRequiredForReview,
    bool BlockStatusChangesWithPendingApproval,
    bool OnlyLeadCanChangeStatus,
    int MaxAgents,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
