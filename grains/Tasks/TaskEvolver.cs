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
                e.CreatedByUserId, ReviewSubmittedBy: null, e.At, e.At);
        }

        return state is null ? null : ApplyToExisting(state, evt) with { UpdatedAt = evt.At };
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
        _ => state,
    };
}
