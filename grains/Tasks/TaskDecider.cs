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
        ChangeTask c => Change(RequireLive(state), c),
        CommentOnTask c => Comment(RequireLive(state), c),
        DeleteTask c => Delete(RequireLive(state), c),
        ReturnToInboxForDependency c => ReturnToInbox(state, c),
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

        TaskCatalog.RequireKnown(command.TagIds, command.CustomFieldKeys);
        var title = Text.TrimToNull(command.Title) ?? throw DomainError.Validation("title is required");
        var status = RequireKnownStatus(command.Status);
        var priority = Text.TrimToNull(command.Priority) ?? "medium";
        var dependsOn = ValidateDependencies(command.TaskId, command.DependsOn, command.Board);
        var assigneeId = command.Assignee is { } assignee ? CreationAssignee(command, assignee) : command.AssignedAgentId;
        var blockedBy = BlockedBy(dependsOn, command.Board);
        if (blockedBy.Count > 0 && (assigneeId is not null || status != TaskStatus.Inbox))
        {
            throw Blocked(blockedBy);
        }

        var created = new TaskCreated(
            command.TaskId, command.BoardId, title, Text.TrimToNull(command.Description), status, priority,
            assigneeId, command.CreatedByUserId, command.Now)
        {
            DueAt = command.DueAt,
            AutoReason = command.CreatedByLeadId is { } leadId ? AutoReasonOf(leadId) : null,
        };
        return dependsOn.Count == 0 ? [created] : [created, new TaskDependenciesChanged(dependsOn, command.Now)];
    }

    /// <summary>The <c>auto_reason</c> of tasks a lead creates, by which it may later comment on them.</summary>
    public static string AutoReasonOf(Guid leadId) => $"lead_agent:{leadId}";

    private static Guid CreationAssignee(CreateTask command, AssigneeFacts assignee)
    {
        if (command.CreatedByLeadId is not null && assignee.IsBoardLead)
        {
            throw DomainError.Forbidden("Board leads cannot assign tasks to themselves.");
        }

        if (assignee.BoardId is { } boardId && boardId != command.BoardId)
        {
            throw DomainError.Conflict(DomainError.ConflictPhrase);
        }

        return assignee.AgentId;
    }

    private static IReadOnlyList<TaskEvent> Release(TaskState? state, ReleaseDeletedAgent command)
    {
        if (state is null || state.IsDeleted || state.AssignedAgentId != command.AgentId)
        {
            return [];
        }

        return [new TaskReleasedFromAgent(command.AgentId, state.Status == TaskStatus.InProgress, command.Now)];
    }

    private static IReadOnlyList<TaskEvent> Change(TaskState task, ChangeTask command)
    {
        command = WithDependencyFacts(task, command);
        var draft = command.Actor switch
        {
            LeadTaskActor lead => ChangeAsLead(task, lead, command),
            WorkerTaskActor worker => ChangeAsWorker(task, worker, command),
            UserTaskActor => ChangeAsUser(task, command),
            _ => throw DomainError.Forbidden(),
        };
        // Past the role's own refusals (a worker may not set tags at all: 403 before any lookup).
        TaskCatalog.RequireKnown(command.Change.TagIds, command.Change.CustomFieldKeys);
        draft = ApplyBoardRules(task, draft, command);
        var events = new List<TaskEvent>();
        if (command.Change.SetsDependencies && !command.Change.DependsOnTaskIds.SequenceEqual(task.DependsOn))
        {
            events.Add(new TaskDependenciesChanged(command.Change.DependsOnTaskIds, command.Now));
        }

        if (command.Actor is UserTaskActor && EditedDetails(task, command.Change, command.Now) is { } edited)
        {
            events.Add(edited);
        }

        if (draft with { SubmittedForReviewBy = null } != Draft.Of(task))
        {
            events.Add(Moved(task, draft, command.Now));
        }

        return events;
    }

    private static TaskMoved Moved(TaskState task, Draft draft, DateTimeOffset now) =>
        new(draft.Status, draft.AssignedAgentId, draft.InProgressAt, draft.PreviousInProgressAt, draft.SubmittedForReviewBy, now)
        {
            PreviousStatus = task.Status,
            PreviousAssignedAgentId = task.AssignedAgentId,
        };

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

    /// <summary>The 409 for a blocked task, naming the unfinished dependencies.</summary>
    private static DomainException Blocked(IReadOnlyList<Guid> blockedBy) =>
        new(DomainErrorKind.Conflict, BlockedDetail, "task_blocked_cannot_transition")
        {
            Fields = new Dictionary<string, object> { ["blocked_by_task_ids"] = blockedBy.ToList() },
        };

    private static DomainException Blocked(TaskContext context) => Blocked(context.BlockedByTaskIds);

    /// <summary>The task, unless it never existed or was deleted (404).</summary>
    private static TaskState RequireLive(TaskState? state) =>
        state is null || state.IsDeleted ? throw DomainError.NotFound() : state;

    /// <summary>An assignee must be on the task's board (agents without a board are gateway-main and may help anywhere).</summary>
    private static void EnsureAssigneeOnBoard(TaskState task, AssigneeFacts assignee)
    {
        if (assignee.BoardId is { } boardId && boardId != task.BoardId)
        {
            throw DomainError.Conflict(DomainError.ConflictPhrase);
        }
    }
}
