using MissionControl.Runtime;

namespace MissionControl.Grains.Tasks.Events;

/// <summary>A comment was added, by an agent (<paramref name="AgentId"/>) or a user (<paramref name="UserId"/>).</summary>
[EventName("task.commented")]
public sealed record TaskCommented(
    Guid CommentId,
    string Message,
    Guid? AgentId,
    Guid? UserId,
    DateTimeOffset At) : TaskEvent(At);
