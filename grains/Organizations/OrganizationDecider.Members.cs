using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations.Events;

namespace MissionControl.Grains.Organizations;

public static partial class OrganizationDecider
{
    private static IReadOnlyList<OrganizationEvent> ChangeRole(OrganizationState state, ChangeMemberRole command)
    {
        var actor = RequireAdmin(state, command.ActorUserId);
        var member = RequireMember(state, command.MemberUserId);
        var role = Roles.Normalize(command.Role);
        if (role == member.Role)
        {
            return [];
        }

        // Only an owner may hand out or take away ownership; otherwise an admin could promote
        // themselves past the owner safeguards below.
        if ((role == Roles.Owner || member.Role == Roles.Owner) && actor.Role != Roles.Owner)
        {
            throw DomainError.Forbidden("Only owners can change owner roles");
        }

        if (member.Role == Roles.Owner && OwnerCount(state) == 1)
        {
            throw DomainError.Validation("Organization must have at least one owner");
        }

        return [new OrganizationMemberRoleChanged(member.UserId, role, command.Now)];
    }

    private static IReadOnlyList<OrganizationEvent> SetAccess(OrganizationState state, SetMemberAccess command)
    {
        RequireAdmin(state, command.ActorUserId);
        var member = RequireMember(state, command.MemberUserId);
        var grants = CleanGrants(command.AllBoardsRead, command.AllBoardsWrite, command.BoardAccess, command.OrganizationBoardIds);
        return [new OrganizationMemberAccessSet(member.UserId, command.AllBoardsRead, command.AllBoardsWrite, grants, command.Now)];
    }

    private static IReadOnlyList<OrganizationEvent> Remove(OrganizationState state, RemoveMember command)
    {
        var actor = RequireAdmin(state, command.ActorUserId);
        var member = RequireMember(state, command.MemberUserId);
        if (member.UserId == actor.UserId)
        {
            throw DomainError.Forbidden("You cannot remove yourself from the organization");
        }

        if (member.Role == Roles.Owner && actor.Role != Roles.Owner)
        {
            throw DomainError.Forbidden("Only owners can remove owners");
        }

        if (member.Role == Roles.Owner && OwnerCount(state) == 1)
        {
            throw DomainError.Validation("Organization must have at least one owner");
        }

        return [new OrganizationMemberRemoved(member.UserId, command.Now)];
    }

    // A departing account: nothing to check (the user is deleting themselves), and an empty organization goes with them.
    private static IReadOnlyList<OrganizationEvent> Leave(OrganizationState? state, LeaveOrganization command)
    {
        if (state is null || state.IsDeleted || state.MemberOf(command.UserId) is null)
        {
            return [];
        }

        return state.Members.Count == 1
            ? [new OrganizationDeleted(command.Now)]
            : [new OrganizationMemberRemoved(command.UserId, command.Now)];
    }
}
