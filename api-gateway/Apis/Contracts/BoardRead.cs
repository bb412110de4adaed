using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Contracts;

/// <summary>A board as the API shows it (the upstream <c>BoardRead</c> columns this service keeps).</summary>
public sealed record BoardRead(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Description,
    Guid GatewayId,
    string BoardType,
    string? Objective,
    bool RequireApprovalForDone,
    bool RequireReviewBeforeDone,
    bool CommentRequiredForReview,
    bool BlockStatusChangesWithPendingApproval,
    bool OnlyLeadCanChangeStatus,
    int MaxAgents,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BoardRead From(BoardRow board) => new(
        board.Id,
        board.OrganizationId,
        board.Name,
        board.Description,
        board.GatewayId,
        board.BoardType,
        board.Objective,
        board.RequireApprovalForDone,
        board.RequireReviewBeforeDone,
        board.CommentRequiredForReview,
        board.BlockStatusChangesWithPendingApproval,
        board.OnlyLeadCanChangeStatus,
        board.MaxAgents,
        board.CreatedAt,
        board.UpdatedAt);
}
