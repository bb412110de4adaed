using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Contracts;

/// <summary>Everything a board view needs in one read (upstream <c>BoardSnapshot</c>). Approvals are not built yet: always none.</summary>
public sealed record BoardSnapshot(
    SnapshotBoard Board,
    IReadOnlyList<SnapshotTask> Tasks,
    IReadOnlyList<AgentRead> Agents,
    IReadOnlyList<object> Approvals,
    IReadOnlyList<BoardMemoryRead> ChatMessages,
    int PendingApprovalsCount);

/// <summary>A task in a snapshot: the task, its assignee's name and its approval counts.</summary>
public sealed record SnapshotTask : TaskRead
{
    public SnapshotTask(TaskRead task, string? assignee)
        : base(task)
    {
        Assignee = assignee;
    }

    public string? Assignee { get; }

    public int ApprovalsCount => 0;

    public int ApprovalsPendingCount => 0;
}

/// <summary>The board in a snapshot, with the columns of upstream's board row this service keeps.</summary>
public sealed record SnapshotBoard(
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
    public static SnapshotBoard From(BoardRow board) => new(
        board.Id, board.OrganizationId, board.Name, board.Description, board.GatewayId, board.BoardType, board.Objective,
        board.RequireApprovalForDone, board.RequireReviewBeforeDone, board.CommentRequiredForReview,
        board.BlockStatusChangesWithPendingApproval, board.OnlyLeadCanChangeStatus, board.MaxAgents, board.CreatedAt, board.UpdatedAt);
}
