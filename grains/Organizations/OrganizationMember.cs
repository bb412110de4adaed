namespace MissionControl.Grains.Organizations;

/// <summary>Per-board permission of a member or invite.</summary>
/// <param name="CanRead">May see the board.</param>
/// <param name="CanWrite">May change the board (implies read).</param>
public sealed record BoardGrant(bool CanRead, bool CanWrite);

/// <summary>A user's membership of one organization and the boards it opens.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="UserId">The user.</param>
/// <param name="Email">Lower-cased email, when known (used to spot duplicate invites).</param>
/// <param name="Role">A <see cref="Roles"/> value.</param>
/// <param name="AllBoardsRead">Read access to every board of the organization.</param>
/// <param name="AllBoardsWrite">Write access to every board of the organization.</param>
/// <param name="BoardAccess">Per-board grants; empty when an all-boards flag is set.</param>
public sealed record OrganizationMember(
    Guid OrganizationId,
    Guid UserId,
    string? Email,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    IReadOnlyDictionary<Guid, BoardGrant> BoardAccess);

/// <summary>A pending invitation; the token is kept only as a digest.</summary>
public sealed record OrganizationInvite(
    Guid Id,
    string InvitedEmail,
    string TokenHash,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    IReadOnlyDictionary<Guid, BoardGrant> BoardAccess,
    Guid CreatedByUserId,
    DateTimeOffset CreatedAt);

/// <summary>An organization: its members and pending invites. Snapshotted as JSON.</summary>
public sealed record OrganizationState(
    Guid Id,
    string Name,
    IReadOnlyDictionary<Guid, OrganizationMember> Members,
    IReadOnlyDictionary<Guid, OrganizationInvite> PendingInvites,
    bool IsDeleted,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The membership of <paramref name="userId"/>, if any.</summary>
    public OrganizationMember? MemberOf(Guid userId) => Members.GetValueOrDefault(userId);
}
