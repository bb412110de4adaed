using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>The board was deleted.</summary>
[EventName("board.deleted")]
public sealed record BoardDeleted(DateTimeOffset At) : BoardEvent(At);
