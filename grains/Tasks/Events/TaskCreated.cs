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
    DateTimeOffset At) : TaskEvent(At)
{
    /// <summary>Absent on events written before due dates existed.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Set when a board lead created the task: <c>lead_agent:&lt;id&gt;</c>.</summary>
    public string? AutoReason { get; init; }
}
