using MissionControl.Runtime;

namespace MissionControl.Grains.Tasks.Events;

/// <summary>A user edited the task's text fields; carries the resulting values.</summary>
[EventName("task.details_edited")]
public sealed record TaskDetailsEdited(
    string Title,
    string? Description,
    string Priority,
    DateTimeOffset? DueAt,
    DateTimeOffset At) : TaskEvent(At);
