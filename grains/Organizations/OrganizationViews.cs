using MissionControl.GrainInterfaces.Organizations;

namespace MissionControl.Grains.Organizations;

/// <summary>Organization state as the grain contract shows it, and contract grants as the domain takes them.</summary>
public static class OrganizationViews
{
    /// <summary>The view of a live organization: members owners first, then by email; invites oldest first.</summary>
    public static OrganizationView Of(OrganizationState organization) => new(
        organization.Id,
        organization.Name,
        organization.Members.Values
            .OrderByDescending(member => Roles.Rank(member.Role))
            .ThenBy(member => member.Email, StringComparer.Ordinal)
            .ThenBy(member => member.UserId)
            .Select(Of)
            .ToList(),
        organization.PendingInvites.Values.OrderBy(invite => invite.CreatedAt).ThenBy(invite => invite.Id).Select(Of).ToList(),
        organization.CreatedAt,
        organization.UpdatedAt);

    public static MemberView Of(OrganizationMember member) =>
        new(member.UserId, member.Email, member.Role, Access(member.AllBoardsRead, member.AllBoardsWrite, member.BoardAccess));

    /// <summary>An invite without its token hash: the hash is what accepting one is matched on.</summary>
    public static InviteView Of(OrganizationInvite invite) => new(
        invite.Id, invite.InvitedEmail, invite.Role, Access(invite.AllBoardsRead, invite.AllBoardsWrite, invite.BoardAccess),
        invite.CreatedByUserId, invite.CreatedAt);

    public static IReadOnlyDictionary<Guid, BoardGrant> ToGrants(MemberAccess access) =>
        access.Boards.ToDictionary(pair => pair.Key, pair => new BoardGrant(pair.Value.CanRead, pair.Value.CanWrite));

    private static MemberAccess Access(bool allRead, bool allWrite, IReadOnlyDictionary<Guid, BoardGrant> grants) =>
        new(allRead, allWrite, grants.ToDictionary(pair => pair.Key, pair => new BoardPermission(pair.Value.CanRead, pair.Value.CanWrite)));
}
