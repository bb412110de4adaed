using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>An organization was created (its owner joins in a following event).</summary>
[EventName("organization.created")]
public sealed record OrganizationCreated(Guid OrganizationId, string Name, DateTimeOffset At) : OrganizationEvent(At);
