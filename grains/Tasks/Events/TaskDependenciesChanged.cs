using MissionControl.Runtime;

namespace MissionControl.Grains.Tasks.Events;

/// <summary>The task now waits for exactly <paramref name="DependsOnTaskIds"/> (tasks of the same board).</summary>
[EventName("task.dependencies_changed")]
public sealed record TaskDependenciesChanged(IReadOnlyList<Guid> DependsOnTaskIds, DateTimeOffset At) : TaskEvent(At);
