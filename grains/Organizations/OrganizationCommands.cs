namespace MissionControl.Grains.Organizations;

/// <summary>Base of organization commands; <paramref name="Now"/> comes from the caller.</summary>
public abstract record OrganizationCommand(DateTimeOffset Now);

/// <summary>Create an organization; the creator becomes its owner with access to all boards.</summary>
public sealed record CreateOrganization(
    Guid OrganizationId, string Name, Guid OwnerUserId, string? OwnerEmail, DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>Change a member's role (admins only).</summary>
public sealed record ChangeMemberRole(
    Guid ActorUserId, Guid MemberUserId, string? Role, DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>Replace a member's board access (admins only). Board ids must belong to the organization.</summary>
public sealed record SetMemberAccess(
    Guid ActorUserId,
    Guid MemberUserId,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    IReadOnlyDictionary<Guid, BoardGrant> BoardAccess,
    IReadOnlySet<Guid> OrganizationBoardIds,
    DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>Remove a member (admins only; owners only by owners; never the last owner or oneself).</summary>
public sealed record RemoveMember(Guid ActorUserId, Guid MemberUserId, DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>Invite someone by email (admins only). The token is minted by the caller and passed hashed.</summary>
public sealed record CreateInvite(
    Guid ActorUserId,
    Guid InviteId,
    string InvitedEmail,
    string TokenHash,
    string? Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    IReadOnlyDictionary<Guid, BoardGrant> BoardAccess,
    IReadOnlySet<Guid> OrganizationBoardIds,
    DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>Withdraw a pending invite (admins only).</summary>
public sealed record RevokeInvite(Guid ActorUserId, Guid InviteId, DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>Accept an invite by its token (hashed by the caller) as the signed-in user.</summary>
public sealed record AcceptInvite(Guid UserId, string? Email, string TokenHash, DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>
/// Accept the invite <paramref name="InviteId"/> on a user's first sign-in, found by their email
/// rather than by its token; the email must still be the invited one.
/// </summary>
public sealed record ClaimInvite(Guid UserId, string? Email, Guid InviteId, DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>The user deleted their account: their membership goes, and an organization left empty is deleted.</summary>
public sealed record LeaveOrganization(Guid UserId, DateTimeOffset Now) : OrganizationCommand(Now);

/// <summary>Delete the organization (owners only).</summary>
public sealed record DeleteOrganization(Guid ActorUserId, DateTimeOffset Now) : OrganizationCommand(Now);
