namespace MissionControl.Grains.Tasks.Events;

/// <summary>Base of every event in a task's stream.</summary>
public abstract record TaskEvent(DateTimeOffset At);
