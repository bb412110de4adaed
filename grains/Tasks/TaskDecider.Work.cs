using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks.Events;

namespace MissionControl.Grains.Tasks;

// User edits of the text fields, comments, deletion, and the return to the inbox when a
// dependency is reopened.
public static partial class TaskDecider
{
    public const string LeadCommentDetail = "Board leads can only comment during review, when mentioned, or on tasks they created.";
    public const string LeadOnlyDetail = "Only board leads can perform this action";

    /// <summary>The edited title, description, priority and due date, or null when they stay as they are.</summary>
    private static TaskDetailsEdited? EditedDetails(TaskState task, TaskChange change, DateTimeOffset now)
    {
        var fields = change.OtherFields;
        var title = fields.Contains("title")
            ? Text.TrimToNull(change.Title) ?? throw DomainError.Validation("title is required")
            : task.Title;
        var description = fields.Contains("description") ? Text.TrimToNull(change.Description) : task.Description;
        var priority = fields.Contains("priority") ? Text.TrimToNull(change.Priority) ?? "medium" : task.Priority;
        var dueAt = fields.Contains("due_at") ? change.DueAt : task.DueAt;
        var unchanged = title == task.Title && description == task.Description && priority == task.Priority && dueAt == task.DueAt;
        return unchanged ? null : new TaskDetailsEdited(title, description, priority, dueAt, now);
    }

    private static IReadOnlyList<TaskEvent> Comment(TaskState task, CommentOnTask command)
    {
        if (Text.TrimToNull(command.Message) is null)
        {
            throw DomainError.Validation("message is required");
        }

        switch (command.Author)
        {
            case LeadTaskActor lead:
                EnsureLeadMayComment(task, lead, command);
                return [new TaskCommented(command.CommentId, command.Message, lead.AgentId, null, command.Now)];
            case WorkerTaskActor worker:
                EnsureSameBoard(task, worker);
                return [new TaskCommented(command.CommentId, command.Message, worker.AgentId, null, command.Now)];
            case UserTaskActor user:
                return [new TaskCommented(command.CommentId, command.Message, null, user.UserId, command.Now)];
            default:
                throw DomainError.Forbidden();
        }
    }

    // A lead reviews; outside review it speaks up only when asked, or on work it handed out itself.
    private static void EnsureLeadMayComment(TaskState task, LeadTaskActor lead, CommentOnTask command)
    {
        var mayComment = task.Status == TaskStatus.Review
            || task.AutoReason == AutoReasonOf(lead.AgentId)
            || (command.LeadName is { } name && Mentions.Names(Mentions.Extract(command.Message), name, isBoardLead: true));
        if (lead.BoardId != task.BoardId || !mayComment)
        {
            throw DomainError.Forbidden(LeadCommentDetail);
        }
    }

    private static IReadOnlyList<TaskEvent> Delete(TaskState task, DeleteTask command)
    {
        switch (command.Actor)
        {
            case UserTaskActor:
                return [new TaskDeleted(command.Now)];
            case LeadTaskActor lead when lead.BoardId == task.BoardId:
                return [new TaskDeleted(command.Now)];
            case LeadTaskActor:
                throw DomainError.Forbidden("Agent can only update tasks for their assigned board.", "task_board_mismatch");
            default:
                throw DomainError.Forbidden(LeadOnlyDetail);
        }
    }

    private static IReadOnlyList<TaskEvent> ReturnToInbox(TaskState? task, ReturnToInboxForDependency command)
    {
        if (task is null || task.IsDeleted || task.Status == TaskStatus.Done
            || (task.Status == TaskStatus.Inbox && task.AssignedAgentId is null))
        {
            return [];
        }

        var draft = task.Status == TaskStatus.InProgress ? Draft.Of(task).StopWork(TaskStatus.Inbox) : Draft.Of(task) with
        {
            Status = TaskStatus.Inbox,
            AssignedAgentId = null,
        };
        return [Moved(task, draft, command.Now)];
    }

    private static void EnsureSameBoard(TaskState task, WorkerTaskActor worker)
    {
        if (worker.BoardId is { } boardId && boardId != task.BoardId)
        {
            throw DomainError.Forbidden("Agent can only update tasks for their assigned board.", "task_board_mismatch");
        }
    }
}
