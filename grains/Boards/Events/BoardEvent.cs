namespace MissionControl.Grains.Boards.Events;

/// <summary>Base of every event in a board's stream.</summary>
public abstract record BoardEvent(DateTimeOffset At);
