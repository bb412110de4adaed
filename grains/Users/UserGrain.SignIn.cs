using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Users;

// Signing in: the user, an organization to work in, and which one is active. The user's turn
// keeps two requests of one new user from both creating a personal organization.
public sealed partial class UserGrain
{
    public const string PersonalOrganizationName = "Personal";

    public async Task<UserView> SignIn(UserIdentity identity)
    {
        var user = await Ensure(identity);
        var organizations = await memberships.OrganizationsOfAsync(user.Id, CancellationToken.None);
        if (organizations.Count == 0)
            organizations = await JoinFirstOrganizationAsync(user);
        // Still in none (the personal one could not be made): nothing to work in, whatever was active.
        if (organizations.Count == 0)
            return user with { ActiveOrganizationId = null };
        var active = organizations.Contains(user.ActiveOrganizationId ?? Guid.Empty) ? user.ActiveOrganizationId!.Value : organizations[0];
        return active == user.ActiveOrganizationId ? user : await SetActiveOrganization(active);
    }

    private async Task<IReadOnlyList<Guid>> JoinFirstOrganizationAsync(UserView user)
    {
        if (user.Email is { } email && await memberships.OldestInviteForAsync(email, CancellationToken.None) is var (inviteId, organizationId))
            await TolerateAsync(() => GrainFactory.GetGrain<IOrganizationGrain>(organizationId.ToString()).ClaimInvite(user.Id, email, inviteId));
        else
            await CreatePersonalOrganizationAsync(user);
        return await memberships.OrganizationsOfAsync(user.Id, CancellationToken.None);
    }

    // The id derives from the user as last changed, so a repeated attempt creates one
    // organization; a user whose personal organization was deleted has changed since (it became
    // their active one), so they get a fresh id rather than the deleted organization's.
    private Task CreatePersonalOrganizationAsync(UserView user)
    {
        var organizationId = UserIds.PersonalOrganization(user.Id, user.UpdatedAt);
        var organization = GrainFactory.GetGrain<IOrganizationGrain>(organizationId.ToString());
        return TolerateAsync(() => organization.Create(new NewOrganization(PersonalOrganizationName, user.Id, user.Email)));
    }

    // An invite claimed or revoked meanwhile, or the organization made by an earlier attempt:
    // the memberships read afterwards tell what the user has.
    private static async Task TolerateAsync(Func<Task> join)
    {
        try
        {
            await join();
        }
        catch (DomainException error) when (error.Kind is DomainErrorKind.Conflict or DomainErrorKind.NotFound)
        {
        }
    }
}
