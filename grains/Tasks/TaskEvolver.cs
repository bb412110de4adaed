using MissionControl.Grains.Tasks.Events;

namespace MissionControl.Grains.Tasks;

/// <summary>Folds task events into <see cref="TaskState"/>; never throws.</summary>
public static class TaskEvolver
{
    /// <summary>The state after <paramref name="evt"/>.</summary>
    public static TaskState? Apply(TaskState? state, TaskEvent evt)
    {
        if (evt is TaskCreated e)
        {
            return new TaskState(
                e.TaskId, e.BoardId, e.Title, e.Description, e.Status, e.Priority, e.AssignedAgentId,
                InProgressAt: e.Status == TaskStatus.InProgress ? e.At : null, PreviousInProgressAt: null,
                e.CreatedByUserId, ReviewSubmittedBy: null, e.At, e.At)
            {
                DueAt = e.DueAt,
                AutoReason = e.AutoReason,
            };
        }

        // A comment is said about the task; it does not change the task.
        if (state is null || evt is TaskCommented)
        {
            return state;
        }

        return ApplyToExisting(state, evt) with { UpdatedAt = evt.At };
    }

    /// <summary>The state after all <paramref name="events"/>.</summary>
    public static TaskState? Fold(IEnumerable<TaskEvent> events, TaskState? state = null) =>
        events.Aggregate(state, Apply);

    private static TaskState ApplyToExisting(TaskState state, TaskEvent evt) => evt switch
    {
        TaskMoved e => state with
        {
            Status = e.Status,
            AssignedAgentId = e.AssignedAgentId,
            InProgressAt = e.InProgressAt,
            PreviousInProgressAt = e.PreviousInProgressAt,
            ReviewSubmittedBy = e.SubmittedForReviewBy ?? state.ReviewSubmittedBy,
        },
        TaskReleasedFromAgent { ReturnedToInbox: true } => state with
        {
            Status = TaskStatus.Inbox,
            AssignedAgentId = null,
            InProgressAt = null,
        },
        TaskReleasedFromAgent => state with { AssignedAgentId = null },
        TaskDependenciesChanged e => state with { DependsOn = e.DependsOnTaskIds },
        TaskDetailsEdited e => state with { Title = e.Title, Description = e.Description, Priority = e.Priority, DueAt = e.DueAt },
        TaskDeleted => state with { IsDeleted = true },
        _ => state,
    };
}
