namespace MissionControl.Templates.Context;

/// <summary>What a board agent's templates know about its board.</summary>
/// <param name="Id">Board id.</param>
/// <param name="Name">Board display name.</param>
/// <param name="BoardType"><c>goal</c> or <c>general</c>.</param>
/// <param name="Objective">The goal in words, empty when none.</param>
/// <param name="SuccessMetricsJson">Success metrics as JSON text (<c>{}</c> when none).</param>
/// <param name="TargetDate">ISO date, empty when none.</param>
/// <param name="GoalConfirmed">Whether the human confirmed the goal.</param>
/// <param name="Rules">The board's workflow rules.</param>
public sealed record BoardProfile(
    string Id,
    string Name,
    string BoardType,
    string Objective,
    string SuccessMetricsJson,
    string TargetDate,
    bool GoalConfirmed,
    BoardRules Rules);

/// <summary>Board workflow rules the heartbeat routine has to respect.</summary>
public sealed record BoardRules
{
    /// <summary><c>done</c> needs an approved approval.</summary>
    public bool RequireApprovalForDone { get; init; } = true;

    /// <summary><c>done</c> only from <c>review</c>.</summary>
    public bool RequireReviewBeforeDone { get; init; }

    /// <summary>Entering <c>review</c> needs a comment.</summary>
    public bool CommentRequiredForReview { get; init; }

    /// <summary>Status is frozen while a linked approval is pending.</summary>
    public bool BlockStatusChangesWithPendingApproval { get; init; }

    /// <summary>Workers may not change task status.</summary>
    public bool OnlyLeadCanChangeStatus { get; init; }

    /// <summary>How many workers the board allows besides the lead.</summary>
    public int MaxAgents { get; init; } = 1;
}
