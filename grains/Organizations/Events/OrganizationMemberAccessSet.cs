using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>A member's board access was replaced by the given flags and grants.</summary>
[EventName("organization.member_access_set")]
public sealed record OrganizationMemberAccessSet(
    Guid UserId,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    IReadOnlyDictionary<Guid, BoardGrant> BoardAccess,
    DateTimeOffset At) : OrganizationEvent(At);
