using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Organizations;

/// <summary>
/// Members of the active organization. A member's id is their user id. Members may read the
/// list and themselves; owners and admins read anyone and change roles, access and membership,
/// under the organization grain's owner safeguards.
/// </summary>
public static partial class OrganizationsApi
{
    private static void MapMembers(RouteGroupBuilder organizations)
    {
        organizations.MapGet("/me/member", GetMyMembership).WithName("GetMyMembership");
        organizations.MapGet("/me/members", ListMembers).WithName("ListOrganizationMembers");
        organizations.MapGet("/me/members/{member_id}", GetMember).WithName("GetOrganizationMember");
        organizations.MapPatch("/me/members/{member_id}", UpdateMember).WithName("UpdateOrganizationMember");
        organizations.MapPut("/me/members/{member_id}/access", SetMemberAccess).WithName("UpdateOrganizationMemberAccess");
        organizations.MapDelete("/me/members/{member_id}", RemoveMember).WithName("RemoveOrganizationMember");
    }

    public static async Task<Ok<OrganizationMemberRead>> GetMyMembership(UserSession session, MembershipQueries memberships, CancellationToken ct)
    {
        var member = session.RequireMember();
        return TypedResults.Ok(await ReadMemberAsync(memberships, member.OrganizationId, member.UserId, ct));
    }

    /// <summary>One page by email, then name; board grants are not listed (read a member for them).</summary>
    public static async Task<Ok<Page<OrganizationMemberRead>>> ListMembers(
        UserSession session, PageRequest page, MembershipQueries memberships, CancellationToken ct)
    {
        var rows = await memberships.MembersAsync(session.OrganizationId, page.Limit, page.Offset, ct);
        return TypedResults.Ok(page.ToPage<OrganizationMemberRead>([.. rows.Items.Select(OrganizationMemberRead.From)], rows.Total));
    }

    /// <summary>Unknown here is 404 first; then a plain member may read only themselves (403).</summary>
    public static async Task<Ok<OrganizationMemberRead>> GetMember(
        UserSession session, Guid member_id, MembershipQueries memberships, CancellationToken ct)
    {
        var member = await ReadMemberAsync(memberships, session.OrganizationId, member_id, ct);
        if (!session.IsAdmin && member_id != session.UserId)
            throw DomainError.Forbidden();
        return TypedResults.Ok(member);
    }

    /// <summary>Admins only. No role in the body changes nothing; a blank one means member.</summary>
    public static async Task<Ok<OrganizationMemberRead>> UpdateMember(
        UserSession session, Guid member_id, OrganizationMemberUpdate body, IGrainFactory grains, MembershipQueries memberships,
        CancellationToken ct)
    {
        var admin = session.RequireAdmin();
        if (body.Role is { } role)
            await OrganizationOf(grains, admin.OrganizationId).ChangeMemberRole(admin.UserId, member_id, role);
        return TypedResults.Ok(await ReadMemberAsync(memberships, admin.OrganizationId, member_id, ct));
    }

    /// <summary>Admins only. Replaces the member's access; a board of another organization (or none) is 422.</summary>
    public static async Task<Ok<OrganizationMemberRead>> SetMemberAccess(
        UserSession session, Guid member_id, OrganizationMemberAccessUpdate body, IGrainFactory grains, MembershipQueries memberships,
        CancellationToken ct)
    {
        var admin = session.RequireAdmin();
        var access = OrganizationInput.Access(body.AllBoardsRead, body.AllBoardsWrite, body.BoardAccess);
        await OrganizationOf(grains, admin.OrganizationId).SetMemberAccess(admin.UserId, member_id, access);
        return TypedResults.Ok(await ReadMemberAsync(memberships, admin.OrganizationId, member_id, ct));
    }

    /// <summary>Admins only; never oneself, owners only by owners, never the last owner.</summary>
    public static async Task<Ok<OkResponse>> RemoveMember(UserSession session, Guid member_id, IGrainFactory grains)
    {
        var admin = session.RequireAdmin();
        await OrganizationOf(grains, admin.OrganizationId).RemoveMember(admin.UserId, member_id);
        return TypedResults.Ok(OkResponse.Instance);
    }

    private static async Task<OrganizationMemberRead> ReadMemberAsync(
        MembershipQueries memberships, Guid organizationId, Guid userId, CancellationToken ct) =>
        OrganizationMemberRead.From(await memberships.MemberAsync(organizationId, userId, ct) ?? throw DomainError.NotFound());

    private static IOrganizationGrain OrganizationOf(IGrainFactory grains, Guid organizationId) =>
        grains.GetGrain<IOrganizationGrain>(organizationId.ToString());
}
