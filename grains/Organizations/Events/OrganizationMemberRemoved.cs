using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>A member left or was removed.</summary>
[EventName("organization.member_removed")]
public sealed record OrganizationMemberRemoved(Guid UserId, DateTimeOffset At) : OrganizationEvent(At);
