using MissionControl.Grains.Common;

namespace MissionControl.Grains.Tasks;

public static partial class TaskDecider
{
    private static readonly string[] LeadAllowedFields =
        ["assigned_agent_id", "custom_field_values", "depends_on_task_ids", "status", "tag_ids"];

    private static Draft ChangeAsLead(TaskState task, LeadTaskActor lead, ChangeTask command)
    {
        var change = command.Change;
        if (change.Comment is not null)
        {
            throw DomainError.Forbidden(
                "Lead comment gate failed: board leads cannot include `comment` in task PATCH. Use the task comments endpoint instead.");
        }

        if (change.OtherFields.Count > 0)
        {
            var disallowed = string.Join(", ", change.OtherFields.Order(StringComparer.Ordinal));
            throw DomainError.Forbidden(
                $"Lead field gate failed: unsupported fields for board leads: {disallowed}. Allowed fields: {string.Join(", ", LeadAllowedFields)}.");
        }

        if (command.Context.IsBlocked && (change.SetsAssignee || change.Status is not null))
        {
            throw Blocked(command.Context);
        }

        var draft = Draft.Of(task);
        if (change.SetsAssignee)
        {
            draft = draft with { AssignedAgentId = LeadAssignee(task, change.Assignee) };
        }

        return change.Status is null ? draft : LeadStatus(task, draft, change);
    }

    private static Guid? LeadAssignee(TaskState task, AssigneeFacts? assignee)
    {
        if (assignee is null)
        {
            return null;
        }

        if (assignee.IsBoardLead)
        {
            throw DomainError.Forbidden("Board leads cannot assign tasks to themselves.");
        }

        EnsureAssigneeOnBoard(task, assignee);
        return assignee.AgentId;
    }

    private static Draft LeadStatus(TaskState task, Draft draft, TaskChange change)
    {
        var target = RequireKnownStatus(change.Status);
        if (task.Status != TaskStatus.Review)
        {
            // The one shortcut: a lead may start an inbox task while handing it to a worker.
            var startsWithAssignee = task.Status == TaskStatus.Inbox && target == TaskStatus.InProgress && change.Assignee is not null;
            return startsWithAssignee
                ? draft with { Status = target }
                : throw DomainError.Forbidden(
                    $"Lead status gate failed: board leads can only change status when the current task status is `review` (current: `{task.Status}`).");
        }

        if (target is not (TaskStatus.Done or TaskStatus.Inbox))
        {
            throw DomainError.Forbidden(
                $"Lead status target gate failed: review tasks can only move to `done` or `inbox` (requested: `{target}`).");
        }

        // Sending back for changes returns the task to the worker who submitted it.
        return target == TaskStatus.Inbox
            ? draft with { Status = target, AssignedAgentId = task.ReviewSubmittedBy, InProgressAt = null }
            : draft with { Status = target };
    }

    private static Draft ChangeAsWorker(TaskState task, WorkerTaskActor worker, ChangeTask command)
    {
        var change = command.Change;
        if (worker.BoardId is { } boardId && boardId != task.BoardId)
        {
            throw DomainError.Forbidden("Agent can only update tasks for their assigned board.", "task_board_mismatch");
        }

        if (change.Status is not null && task.AssignedAgentId is { } assignee && assignee != worker.AgentId)
        {
            throw DomainError.Forbidden("Agents can only change status on tasks assigned to them.", "task_assignee_mismatch");
        }

        if (change.SetsAssignee || change.SetsDependencies || change.SetsTags || change.OtherFields.Count > 0)
        {
            throw DomainError.Forbidden("Agents may only update status, comment, and custom field values.", "task_update_field_forbidden");
        }

        return change.Status is null ? Draft.Of(task) : WorkerStatus(task, worker, command);
    }

    private static Draft WorkerStatus(TaskState task, WorkerTaskActor worker, ChangeTask command)
    {
        if (command.Context.Rules.OnlyLeadCanChangeStatus)
        {
            throw DomainError.Forbidden("Only board leads can change task status.");
        }

        var target = RequireKnownStatus(command.Change.Status);
        if (target != TaskStatus.Inbox && command.Context.IsBlocked)
        {
            throw Blocked(command.Context);
        }

        var draft = Draft.Of(task);
        return target switch
        {
            TaskStatus.Inbox => draft.StopWork(target),
            TaskStatus.Review => draft.StopWork(target) with { SubmittedForReviewBy = worker.AgentId },
            TaskStatus.InProgress => draft with { Status = target, AssignedAgentId = worker.AgentId, InProgressAt = command.Now },
            _ => draft with { Status = target, AssignedAgentId = worker.AgentId },
        };
    }

    private static Draft ChangeAsUser(TaskState task, ChangeTask command)
    {
        var change = command.Change;
        var target = change.Status is null ? task.Status : RequireKnownStatus(change.Status);
        // A blocked task cannot be worked on: it goes back to the inbox, unless it stays done.
        if (command.Context.IsBlocked && !(task.Status == TaskStatus.Done && target == TaskStatus.Done))
        {
            return Draft.Of(task) with { Status = TaskStatus.Inbox, AssignedAgentId = null, InProgressAt = null };
        }

        var draft = change.Status is null ? Draft.Of(task) : UserStatus(task, target, command.Now);
        if (change.SetsAssignee)
        {
            if (change.Assignee is { } assignee)
            {
                EnsureAssigneeOnBoard(task, assignee);
            }

            draft = draft with { AssignedAgentId = change.Assignee?.AgentId };
        }

        return draft;
    }

    private static Draft UserStatus(TaskState task, string target, DateTimeOffset now) => target switch
    {
        TaskStatus.Inbox or TaskStatus.Review => Draft.Of(task).StopWork(target),
        TaskStatus.InProgress => Draft.Of(task) with { Status = target, InProgressAt = now },
        _ => Draft.Of(task) with { Status = target },
    };
}
