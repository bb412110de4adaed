using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>A <c>/resume</c> chat command resumed the board.</summary>
[EventName("board.resumed")]
public sealed record BoardResumed(DateTimeOffset At) : BoardEvent(At);
