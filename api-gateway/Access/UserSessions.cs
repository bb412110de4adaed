using MissionControl.ApiGateway.Authentication;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Organizations;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Access;

/// <summary>
/// Turns an authenticated operator into a <see cref="UserSession"/>, once per request: their
/// grain signs them in (registration, a first organization, the active one; see
/// <see cref="IUserGrain.SignIn"/>), and the active membership is read with its board grants.
/// </summary>
public sealed class UserSessions(IGrainFactory grains, OrganizationQueries organizations)
{
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
        var user = await grains.GetGrain<IUserGrain>(userId.ToString()).SignIn(new UserIdentity(caller.Subject, caller.Email, caller.Name));
        var access = user.ActiveOrganizationId is { } active ? await organizations.MemberAccessAsync(active, userId, ct) : null;
        return new UserSession(user, access is null ? null : ToMember(access));
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
