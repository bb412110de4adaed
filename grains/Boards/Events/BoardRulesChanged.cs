using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>The board's workflow switches were replaced.</summary>
[EventName("board.rules_changed")]
public sealed record BoardRulesChanged(BoardRules Rules, DateTimeOffset At) : BoardEvent(At);
