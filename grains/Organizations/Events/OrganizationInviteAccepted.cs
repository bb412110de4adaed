using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>An invitation was used by <paramref name="UserId"/>; membership changes follow.</summary>
[EventName("organization.invite_accepted")]
public sealed record OrganizationInviteAccepted(Guid InviteId, Guid UserId, DateTimeOffset At) : OrganizationEvent(At);
