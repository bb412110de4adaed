using MissionControl.Runtime;

namespace MissionControl.Grains.Tasks.Events;

/// <summary>The task was deleted; its comments, activity and dependency links go with it.</summary>
[EventName("task.deleted")]
public sealed record TaskDeleted(DateTimeOffset At) : TaskEvent(At);
