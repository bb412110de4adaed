using MissionControl.ApiGateway.Authentication;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using Orleans;

namespace MissionControl.ApiGateway.Access;

/// <summary>
/// Turns an authenticated operator into a <see cref="UserSession"/>, once per request. A user
/// seen for the first time is registered; a user in no organization joins the one whose invite
/// to their email is oldest, else gets a "Personal" organization of their own; a user whose
/// active organization is gone (or never set) works in the first of theirs by name.
/// </summary>
public sealed class UserSessions(IGrainFactory grains, OrganizationQueries organizations, UserQueries users)
{
    public const string PersonalOrganizationName = "Personal";

    private static readonly object CacheKey = new();

    public async Task<UserSession> ResolveAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(CacheKey, out var cached) && cached is UserSession session)
            return session;
        var caller = UserCaller.From(context.User)
            ?? throw new InvalidOperationException($"{nameof(UserSession)} is bound on an endpoint that does not require a user.");
        session = await ResolveAsync(caller, context.RequestAborted);
        context.Items[CacheKey] = session;
        return session;
    }

    /// <summary>Forgets this request's session, after a change to the user or their memberships.</summary>
    public static void Forget(HttpContext context) => context.Items.Remove(CacheKey);

    private async Task<UserSession> ResolveAsync(UserCaller caller, CancellationToken ct)
    {
        var userId = UserIds.FromSubject(caller.Subject);
        var userGrain = grains.GetGrain<IUserGrain>(userId.ToString());
        var user = await userGrain.Ensure(new UserIdentity(caller.Subject, caller.Email, caller.Name));
        var memberships = await organizations.OfUserAsync(userId, ct);
        if (memberships.Count == 0)
            memberships = await JoinFirstOrganizationAsync(user, ct);
        if (memberships.Count == 0)
            return new UserSession(user, null);
        var active = memberships.FirstOrDefault(org => org.Id == user.ActiveOrganizationId) ?? memberships[0];
        if (active.Id != user.ActiveOrganizationId)
            user = await userGrain.SetActiveOrganization(active.Id);
        var access = await organizations.MemberAccessAsync(active.Id, userId, ct);
        return new UserSession(user, access is null ? null : ToMember(access));
    }

    private async Task<IReadOnlyList<UserOrganizationRow>> JoinFirstOrganizationAsync(UserView user, CancellationToken ct)
    {
        if (user.Email is { } email && await users.OldestInviteForAsync(email, ct) is { } invite)
            await TryAsync(() => grains.GetGrain<IOrganizationGrain>(invite.OrganizationId.ToString()).ClaimInvite(user.Id, email, invite.InviteId));
        else
            await CreatePersonalOrganizationAsync(user);
        return await organizations.OfUserAsync(user.Id, ct);
    }

    // The id derives from the user as last changed, so two concurrent requests create one
    // organization; a user whose personal organization was deleted has changed since (it became
    // their active one), so they get a fresh id rather than the deleted organization's.
    private Task CreatePersonalOrganizationAsync(UserView user)
    {
        var organizationId = UserIds.PersonalOrganization(user.Id, user.UpdatedAt);
        var organization = grains.GetGrain<IOrganizationGrain>(organizationId.ToString());
        return TryAsync(() => organization.Create(new NewOrganization(PersonalOrganizationName, user.Id, user.Email)));
    }

    // A concurrent first request may have joined or created it already; the memberships read afterwards tell.
    private static async Task TryAsync(Func<Task> join)
    {
        try
        {
            await join();
        }
        catch (DomainException error) when (error.Kind is DomainErrorKind.Conflict or DomainErrorKind.NotFound)
        {
        }
    }

    private static OrganizationMember ToMember(MemberAccessRow access) => new(
        access.Member.OrganizationId,
        access.Member.UserId,
        access.Member.Email,
        access.Member.Role,
        access.Member.AllBoardsRead,
        access.Member.AllBoardsWrite,
        access.BoardAccess.ToDictionary(grant => grant.BoardId, grant => new BoardGrant(grant.CanRead, grant.CanWrite)));
}
