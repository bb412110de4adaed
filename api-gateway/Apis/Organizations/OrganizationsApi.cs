using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Agents;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Organizations;

/// <summary>
/// Organizations (<c>/api/v1/organizations</c>): creating them, the caller's list and active
/// one, deleting it; its members (<see cref="MapMembers"/>) and invites (<see cref="MapInvites"/>).
/// Everything under <c>/me</c> is about the caller's active organization; an id from any other
/// organization is answered as unknown (404).
/// </summary>
public static partial class OrganizationsApi
{

    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var organizations = app.MapGroup("/api/v1/organizations").RequireUser().WithTags("organizations");
        organizations.MapPost("", Create).WithName("CreateOrganization");
        organizations.MapGet("/me/list", ListMine).WithName("ListMyOrganizations");
        organizations.MapPatch("/me/active", SetActive).WithName("SetActiveOrganization");
        organizations.MapGet("/me", GetMine).WithName("GetMyOrganization");
        organizations.MapDelete("/me", DeleteMine).WithName("DeleteMyOrganization").AnswersBadGateway();
        MapMembers(organizations);
        MapInvites(organizations);
        return app;
    }

    /// <summary>
    /// Names are unique among live organizations, ignoring case: the name's grain creates the
    /// organization, one attempt per name at a time across the cluster. Personal organizations,
    /// made on first sign-in, are exempt and may share a name, as upstream.
    /// </summary>
    public static async Task<Ok<OrganizationRead>> Create(UserSession session, OrganizationCreate body, IGrainFactory grains)
    {
        var name = OrganizationInput.Name(body.Name);
        var organizationId = await grains.GetGrain<IUserGrain>(session.UserId.ToString()).CreateOrganization(name);
        return TypedResults.Ok(OrganizationRead.From(await grains.GetGrain<IOrganizationGrain>(organizationId.ToString()).Get()));
    }

    /// <summary>A bare array, by name ignoring case; the session has already repaired the active organization.</summary>
    public static async Task<Ok<List<OrganizationListItem>>> ListMine(
        UserSession session, OrganizationQueries organizations, CancellationToken ct)
    {
        var mine = await organizations.OfUserAsync(session.UserId, ct);
        return TypedResults.Ok(mine
            .Select(org => new OrganizationListItem(org.Id, org.Name, org.Role, org.Id == session.User.ActiveOrganizationId))
            .ToList());
    }

    public static async Task<Ok<OrganizationRead>> SetActive(
        UserSession session, OrganizationActiveUpdate body, IGrainFactory grains, OrganizationQueries organizations, CancellationToken ct)
    {
        var organization = await organizations.GetAsync(body.OrganizationId, ct);
        if (organization is null || await organizations.MemberAccessAsync(organization.Id, session.UserId, ct) is null)
            throw DomainError.Forbidden(UserSession.NoOrgAccess);
        await grains.GetGrain<IUserGrain>(session.UserId.ToString()).SetActiveOrganization(organization.Id);
        return TypedResults.Ok(OrganizationRead.From(organization));
    }

    public static async Task<Ok<OrganizationRead>> GetMine(UserSession session, OrganizationQueries organizations, CancellationToken ct)
    {
        var organization = await organizations.GetAsync(session.OrganizationId, ct) ?? throw DomainError.Forbidden(UserSession.NoOrgAccess);
        return TypedResults.Ok(OrganizationRead.From(organization));
    }

    /// <summary>
    /// Owners only. The organization's agents, boards and gateways go first (agents leave their
    /// gateways), then the organization itself; members then work in another organization of
    /// theirs, or a new personal one. A gateway that refuses an agent's cleanup stops the
    /// deletion with 502 before the organization goes, so deleting again retries. The
    /// organization's deletion grain runs it and finishes it if its silo dies halfway.
    /// </summary>
    public static async Task<Ok<OkResponse>> DeleteMine(UserSession session, IGrainFactory grains)
    {
        var admin = session.RequireAdmin();
        var deletion = await grains.GetGrain<ICascadeDeletionGrain>(CascadeKeys.Organization(admin.OrganizationId)).Run(session.UserId);
        if (!deletion.Deleted)
            throw BadGatewayException.Failed(GatewayFailures.Cleanup, deletion.Error);
        return TypedResults.Ok(OkResponse.Instance);
    }
}
