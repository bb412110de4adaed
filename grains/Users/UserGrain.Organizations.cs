using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Users;

// The user's own workflows across organizations: making one to work in, and leaving them all.
// The user grain calls organization grains and their name grains; none of them calls a user
// grain, so neither side waits on the other.
public sealed partial class UserGrain
{
    /// <summary>The detail of a name already held, as the contract words it.</summary>
    public const string NameTakenDetail = "Conflict";

    public async Task<Guid> CreateOrganization(string name)
    {
        var user = ToView(Live());
        var created = await GrainFactory.GetGrain<IOrganizationNameGrain>(OrganizationNameKey.Of(name))
            .CreateOrganization(new NewOrganization(name, user.Id, user.Email));
        if (created is not { } organizationId)
            throw DomainError.Conflict(NameTakenDetail);
        await SetActiveOrganization(organizationId);
        return organizationId;
    }

    public async Task Delete()
    {
        foreach (var organizationId in await memberships.OrganizationsOfAsync(EntityId, CancellationToken.None))
            await GrainFactory.GetGrain<IOrganizationGrain>(organizationId.ToString()).Leave(EntityId);
        await Execute(state => UserDecider.Delete(state, clock.GetUtcNow()));
    }
}
