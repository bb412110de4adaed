using MissionControl.Runtime;

namespace MissionControl.Grains.Tasks.Events;

/// <summary>
/// The assignee was deleted. When <paramref name="ReturnedToInbox"/>, the task was in progress
/// and went back to the inbox; otherwise it kept its status and only lost the assignee.
/// </summary>
[EventName("task.released_from_agent")]
public sealed record TaskReleasedFromAgent(Guid AgentId, bool ReturnedToInbox, DateTimeOffset At) : TaskEvent(At);
