using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>An invitation was issued; only the token's digest is recorded.</summary>
[EventName("organization.invite_created")]
public sealed record OrganizationInviteCreated(
    Guid InviteId,
    string InvitedEmail,
    string TokenHash,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    IReadOnlyDictionary<Guid, BoardGrant> BoardAccess,
    Guid CreatedByUserId,
    DateTimeOffset At) : OrganizationEvent(At);
