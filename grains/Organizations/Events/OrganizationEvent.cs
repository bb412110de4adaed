namespace MissionControl.Grains.Organizations.Events;

/// <summary>Base of every event in an organization's stream.</summary>
public abstract record OrganizationEvent(DateTimeOffset At);
