using MissionControl.Runtime;

namespace MissionControl.Grains.Organizations.Events;

/// <summary>A user joined the organization with the given role and access.</summary>
[EventName("organization.member_added")]
public sealed record OrganizationMemberAdded(
    Guid UserId,
    string? Email,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    IReadOnlyDictionary<Guid, BoardGrant> BoardAccess,
    DateTimeOffset At) : OrganizationEvent(At);
