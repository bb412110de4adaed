using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>
/// A message to one of the board's agents could not be delivered through the gateway.
/// <paramref name="Topic"/> says what it was about (<c>board.chat</c>, <c>task.assignee</c>, …);
/// what it was about was still recorded.
/// </summary>
[EventName("board.notification_failed")]
public sealed record BoardNotificationFailed(
    string Topic,
    Guid AgentId,
    Guid? TaskId,
    string Error,
    DateTimeOffset At) : BoardEvent(At);
