using MissionControl.Runtime;

namespace MissionControl.Grains.Tasks.Events;

/// <summary>A task was created.</summary>
[EventName("task.created")]
public sealed record TaskCreated(
    Guid TaskId,
    Guid BoardId,
    string Title,
    string? Description,
    string Status,
    string Priority,
    Guid? AssignedAgentId,
    Guid? CreatedByUserId,
    DateTimeOffset At) : TaskEvent(At);
