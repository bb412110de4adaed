using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations.Events;

namespace MissionControl.Grains.Organizations;

public static partial class OrganizationDecider
{
    private static IReadOnlyList<OrganizationEvent> Invite(OrganizationState state, CreateInvite command)
    {
        var actor = RequireAdmin(state, command.ActorUserId);
        var email = NormalizeEmail(command.InvitedEmail) ?? throw DomainError.Validation("invited_email is required");
        if (state.Members.Values.Any(member => member.Email == email))
        {
            throw DomainError.Conflict("User is already a member of this organization");
        }

        if (state.PendingInvites.ContainsKey(command.InviteId))
        {
            throw DomainError.Conflict("Invite already exists");
        }

        var role = Roles.Normalize(command.Role);
        // As with role changes: an admin inviting an owner would hand out what they may not hold.
        if (role == Roles.Owner && actor.Role != Roles.Owner)
        {
            throw DomainError.Forbidden("Only owners can invite owners");
        }

        var grants = CleanGrants(command.AllBoardsRead, command.AllBoardsWrite, command.BoardAccess, command.OrganizationBoardIds);
        return
        [
            new OrganizationInviteCreated(
                command.InviteId, email, command.TokenHash, role, command.AllBoardsRead, command.AllBoardsWrite,
                grants, command.ActorUserId, command.Now),
        ];
    }

    private static IReadOnlyList<OrganizationEvent> Revoke(OrganizationState state, RevokeInvite command)
    {
        RequireAdmin(state, command.ActorUserId);
        return state.PendingInvites.ContainsKey(command.InviteId)
            ? [new OrganizationInviteRevoked(command.InviteId, command.Now)]
            : throw DomainError.NotFound();
    }

    private static IReadOnlyList<OrganizationEvent> Accept(OrganizationState state, AcceptInvite command)
    {
        var invite = state.PendingInvites.Values.FirstOrDefault(candidate => candidate.TokenHash == command.TokenHash)
            ?? throw DomainError.NotFound();
        return Join(state, invite, command.UserId, command.Email, command.Now);
    }

    private static IReadOnlyList<OrganizationEvent> Claim(OrganizationState state, ClaimInvite command)
    {
        var invite = state.PendingInvites.GetValueOrDefault(command.InviteId) ?? throw DomainError.NotFound();
        return Join(state, invite, command.UserId, command.Email, command.Now);
    }

    private static IReadOnlyList<OrganizationEvent> Join(
        OrganizationState state, OrganizationInvite invite, Guid userId, string? email, DateTimeOffset now)
    {
        if (NormalizeEmail(email) != invite.InvitedEmail)
        {
            throw DomainError.Forbidden();
        }

        var accepted = new OrganizationInviteAccepted(invite.Id, userId, now);
        var existing = state.MemberOf(userId);
        if (existing is null)
        {
            return
            [
                accepted,
                new OrganizationMemberAdded(
                    userId, invite.InvitedEmail, invite.Role, invite.AllBoardsRead, invite.AllBoardsWrite,
                    invite.BoardAccess, now),
            ];
        }

        return [accepted, .. MergeIntoExisting(existing, invite, now)];
    }

    /// <summary>An existing member keeps the higher role and the union of both accesses.</summary>
    private static IEnumerable<OrganizationEvent> MergeIntoExisting(OrganizationMember member, OrganizationInvite invite, DateTimeOffset now)
    {
        if (Roles.Rank(invite.Role) > Roles.Rank(member.Role))
        {
            yield return new OrganizationMemberRoleChanged(member.UserId, invite.Role, now);
        }

        var allRead = member.AllBoardsRead || invite.AllBoardsRead;
        var allWrite = member.AllBoardsWrite || invite.AllBoardsWrite;
        var grants = new Dictionary<Guid, BoardGrant>(member.BoardAccess);
        foreach (var (boardId, grant) in invite.BoardAccess)
        {
            var current = grants.GetValueOrDefault(boardId, new BoardGrant(false, false));
            grants[boardId] = new BoardGrant(current.CanRead || grant.CanRead, current.CanWrite || grant.CanWrite);
        }

        yield return new OrganizationMemberAccessSet(
            member.UserId, allRead, allWrite, allRead || allWrite ? NoGrants : grants, now);
    }
}
