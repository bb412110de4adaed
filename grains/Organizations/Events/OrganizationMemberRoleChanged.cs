using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>A member's role changed.</summary>
[EventName("organization.member_role_changed")]
public sealed record OrganizationMemberRoleChanged(Guid UserId, string Role, DateTimeOffset At) : OrganizationEvent(At);
