using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Organizations;

/// <summary>
/// Invites of the active organization (admins), and accepting one by its token (anyone signed
/// in with the invited email). The token is shown once, when the invite is created; only its
/// digest is kept.
/// </summary>
public static partial class OrganizationsApi
{
    private static void MapInvites(RouteGroupBuilder organizations)
    {
        organizations.MapGet("/me/invites", ListInvites).WithName("ListOrganizationInvites");
        organizations.MapPost("/me/invites", CreateInvite).WithName("CreateOrganizationInvite");
        organizations.MapDelete("/me/invites/{invite_id}", RevokeInvite).WithName("RevokeOrganizationInvite");
        organizations.MapPost("/invites/accept", AcceptInvite).WithName("AcceptOrganizationInvite");
    }

    /// <summary>Pending invites, newest first.</summary>
    public static async Task<Ok<Page<OrganizationInviteRead>>> ListInvites(
        UserSession session, PageRequest page, OrganizationQueries organizations, CancellationToken ct)
    {
        var admin = session.RequireAdmin();
        var rows = await organizations.PendingInvitesAsync(admin.OrganizationId, page.Limit, page.Offset, ct);
        return TypedResults.Ok(page.ToPage<OrganizationInviteRead>([.. rows.Items.Select(OrganizationInviteRead.From)], rows.Total));
    }

    public static async Task<Ok<OrganizationInviteRead>> CreateInvite(UserSession session, OrganizationInviteCreate body, IGrainFactory grains)
    {
        var admin = session.RequireAdmin();
        var access = OrganizationInput.Access(body.AllBoardsRead, body.AllBoardsWrite, body.BoardAccess);
        var token = InviteTokens.Mint();
        var invite = await OrganizationOf(grains, admin.OrganizationId).CreateInvite(
            admin.UserId, new NewInvite(Guid.NewGuid(), body.InvitedEmail, InviteTokens.Hash(token), body.Role, access));
        return TypedResults.Ok(OrganizationInviteRead.Created(invite, admin.OrganizationId, token));
    }

    /// <summary>Withdraws a pending invite and answers it as it was.</summary>
    public static async Task<Ok<OrganizationInviteRead>> RevokeInvite(
        UserSession session, Guid invite_id, IGrainFactory grains, MembershipQueries memberships, CancellationToken ct)
    {
        var admin = session.RequireAdmin();
        var invite = await memberships.PendingInviteAsync(admin.OrganizationId, invite_id, ct) ?? throw DomainError.NotFound();
        await OrganizationOf(grains, admin.OrganizationId).RevokeInvite(admin.UserId, invite_id);
        return TypedResults.Ok(OrganizationInviteRead.From(invite));
    }

    /// <summary>
    /// Joins the inviting organization (or, for a member already, raises their role if the
    /// invite's is higher and adds its access), which becomes the active one for a newcomer.
    /// Binds no <see cref="UserSession"/>: a first sign-in here must not first be given another
    /// organization, or claim this very invite by email.
    /// </summary>
    public static async Task<Ok<OrganizationMemberRead>> AcceptInvite(
        HttpContext context, OrganizationInviteAccept body, IGrainFactory grains, MembershipQueries memberships,
        OrganizationQueries organizations, CancellationToken ct)
    {
        var caller = UserCaller.From(context.User)
            ?? throw new InvalidOperationException("Accepting an invite requires a signed-in user.");
        var userGrain = grains.GetGrain<IUserGrain>(UserIds.FromSubject(caller.Subject).ToString());
        var user = await userGrain.Ensure(new UserIdentity(caller.Subject, caller.Email, caller.Name));
        var tokenHash = InviteTokens.Hash(body.Token);
        var invite = await memberships.InviteByTokenHashAsync(tokenHash, ct) ?? throw DomainError.NotFound();
        var wasMember = await organizations.MemberAccessAsync(invite.OrganizationId, user.Id, ct) is not null;
        await OrganizationOf(grains, invite.OrganizationId).AcceptInvite(user.Id, user.Email, tokenHash);
        if (!wasMember)
            await userGrain.SetActiveOrganization(invite.OrganizationId);
        return TypedResults.Ok(await ReadMemberAsync(memberships, invite.OrganizationId, user.Id, ct));
    }
}
