using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>The organization was deleted.</summary>
[EventName("organization.deleted")]
public sealed record OrganizationDeleted(DateTimeOffset At) : OrganizationEvent(At);
