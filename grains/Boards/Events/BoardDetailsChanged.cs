using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>Name, description or objective changed; carries the full new values.</summary>
[EventName("board.details_changed")]
public sealed record BoardDetailsChanged(string Name, string Description, string? Objective, DateTimeOffset At) : BoardEvent(At);
