using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>A pending invitation was withdrawn.</summary>
[EventName("organization.invite_revoked")]
public sealed record OrganizationInviteRevoked(Guid InviteId, DateTimeOffset At) : OrganizationEvent(At);
