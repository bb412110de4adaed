using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks.Events;

namespace MissionControl.Grains.Tasks;

/// <summary>
/// Task rules the agent lifecycle touches, plus the lead/worker/user status rules of
/// reference §4.7 that do not involve approvals, tags or custom fields. Pure.
/// </summary>
public static partial class TaskDecider
{
    /// <summary>Detail of the 409 for transitions of a blocked task.</summary>
    public const string BlockedDetail = "Task is blocked by incomplete dependencies.";

    /// <summary>Decides the events for <paramref name="command"/> (state is null for a new stream).</summary>
    public static IReadOnlyList<TaskEvent> Decide(TaskState? state, TaskCommand command) => command switch
    {
        CreateTask c => Create(state, c),
        ReleaseDeletedAgent c => Release(state, c),
        ChangeTask c => Change(state ?? throw DomainError.NotFound(), c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown task command"),
    };

    /// <summary>Status, assignee and work timestamps being worked out for one change.</summary>
    private sealed record Draft(
        string Status, Guid? AssignedAgentId, DateTimeOffset? InProgressAt, DateTimeOffset? PreviousInProgressAt, Guid? SubmittedForReviewBy)
    {
        public static Draft Of(TaskState task) =>
            new(task.Status, task.AssignedAgentId, task.InProgressAt, task.PreviousInProgressAt, null);

        /// <summary>Leaving work for inbox or review: remember when work started, drop the assignee.</summary>
        public Draft StopWork(string status) =>
            this with { Status = status, AssignedAgentId = null, PreviousInProgressAt = InProgressAt, InProgressAt = null };
    }

    private static IReadOnlyList<TaskEvent> Create(TaskState? state, CreateTask command)
    {
        if (state is not null)
        {
            throw DomainError.Conflict("Task already exists");
        }

        var title = Text.TrimToNull(command.Title) ?? throw DomainError.Validation("title is required");
        var status = RequireKnownStatus(command.Status);
        var priority = Text.TrimToNull(command.Priority) ?? "medium";
        return
        [
            new TaskCreated(
                command.TaskId, command.BoardId, title, Text.TrimToNull(command.Description), status, priority,
                command.AssignedAgentId, command.CreatedByUserId, command.Now),
        ];
    }

    private static IReadOnlyList<TaskEvent> Release(TaskState? state, ReleaseDeletedAgent command)
    {
        if (state is null || state.AssignedAgentId != command.AgentId)
        {
            return [];
        }

        return [new TaskReleasedFromAgent(command.AgentId, state.Status == TaskStatus.InProgress, command.Now)];
    }

    private static IReadOnlyList<TaskEvent> Change(TaskState task, ChangeTask command)
    {
        var draft = command.Actor switch
        {
            LeadTaskActor lead => ChangeAsLead(task, lead, command),
            WorkerTaskActor worker => ChangeAsWorker(task, worker, command),
            UserTaskActor => ChangeAsUser(task, command),
            _ => throw DomainError.Forbidden(),
        };
        draft = ApplyBoardRules(task, draft, command);
        var unchanged = draft with { SubmittedForReviewBy = null } == Draft.Of(task);
        return unchanged
            ? []
            : [new TaskMoved(draft.Status, draft.AssignedAgentId, draft.InProgressAt, draft.PreviousInProgressAt, draft.SubmittedForReviewBy, command.Now)];
    }

    /// <summary>Rules every role obeys once its own gates have passed.</summary>
    private static Draft ApplyBoardRules(TaskState task, Draft draft, ChangeTask command)
    {
        var rules = command.Context.Rules;
        if (rules.RequireReviewBeforeDone && draft.Status == TaskStatus.Done && task.Status is not (TaskStatus.Review or TaskStatus.Done))
        {
            throw DomainError.Conflict("Task can only be marked done from review when the board rule is enabled.");
        }

        var entersReview = command.Change.Status == TaskStatus.Review && task.Status != TaskStatus.Review;
        if (entersReview && rules.CommentRequiredForReview
            && Text.TrimToNull(command.Change.Comment) is null && !command.Context.HasRecentAssigneeComment)
        {
            throw DomainError.Validation("Comment is required.");
        }

        // The lead reviews: a task entering review lands on the lead's desk.
        return draft.Status == TaskStatus.Review && task.Status != TaskStatus.Review && command.Context.BoardLeadId is { } leadId
            ? draft with { AssignedAgentId = leadId }
            : draft;
    }

    private static string RequireKnownStatus(string? status) =>
        status is not null && TaskStatus.IsKnown(status) ? status : throw DomainError.Validation("Unsupported task status.");

    private static DomainException Blocked() => DomainError.Conflict(BlockedDetail, "task_blocked_cannot_transition");

    /// <summary>An assignee must be on the task's board (agents without a board are gateway-main and may help anywhere).</summary>
    private static void EnsureAssigneeOnBoard(TaskState task, AssigneeFacts assignee)
    {
        if (assignee.BoardId is { } boardId && boardId != task.BoardId)
        {
            throw DomainError.Conflict("Conflict");
        }
    }
}
