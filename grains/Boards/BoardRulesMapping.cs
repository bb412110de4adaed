using MissionControl.GrainInterfaces.Boards;

namespace MissionControl.Grains.Boards;

/// <summary>Workflow switches between the grain contract and the domain; the two records must keep the same fields.</summary>
public static class BoardRulesMapping
{
    public static BoardRules ToDomain(WorkflowRules rules) => new(
        rules.RequireApprovalForDone, rules.RequireReviewBeforeDone, rules.CommentRequiredForReview,
        rules.BlockStatusChangesWithPendingApproval, rules.OnlyLeadCanChangeStatus, rules.MaxAgents);

    public static WorkflowRules ToContract(BoardRules rules) => new(
        rules.RequireApprovalForDone, rules.RequireReviewBeforeDone, rules.CommentRequiredForReview,
        rules.BlockStatusChangesWithPendingApproval, rules.OnlyLeadCanChangeStatus, rules.MaxAgents);
}
