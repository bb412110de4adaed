using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>A <c>/pause</c> chat command paused the board (template sync skips it).</summary>
[EventName("board.paused")]
public sealed record BoardPaused(DateTimeOffset At) : BoardEvent(At);
