using MissionControl.Runtime;

namespace MissionControl.Grains.Tasks.Events;

/// <summary>
/// A task's status and/or assignee changed; carries the resulting values.
/// <paramref name="SubmittedForReviewBy"/> is the worker who moved it into review, if that happened.
/// </summary>
[EventName("task.moved")]
public sealed record TaskMoved(
    string Status,
    Guid? AssignedAgentId,
    DateTimeOffset? InProgressAt,
    DateTimeOffset? PreviousInProgressAt,
    Guid? SubmittedForReviewBy,
    DateTimeOffset At) : TaskEvent(At)
{
    /// <summary>The status before the move; absent on events written before it was recorded.</summary>
    public string? PreviousStatus { get; init; }

    /// <summary>The assignee before the move; absent on events written before it was recorded.</summary>
    public Guid? PreviousAssignedAgentId { get; init; }
}
