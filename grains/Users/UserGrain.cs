using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Common;
using MissionControl.Grains.Users.Events;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Users;

/// <summary>A user's event stream behind <see cref="IUserGrain"/>.</summary>
[GrainType("user")]
public sealed partial class UserGrain(TimeProvider clock, IUserMemberships memberships) : EntityGrain<UserState, UserEvent>, IUserGrain
{
    protected override string NotFoundDetail => UserDecider.NotFoundDetail;

    protected override bool IsLive(UserState state) => !state.IsDeleted;

    protected override UserState? Apply(UserState? state, UserEvent @event) => UserEvolver.Apply(state, @event);

    public async Task<UserView> Ensure(UserIdentity identity)
    {
        // The hot path: a known user decides nothing, so no write and no round trip.
        if (State is { IsDeleted: false } known)
            return ToView(known);
        await Execute(state => UserDecider.Register(state, EntityId, identity, clock.GetUtcNow()));
        return ToView(Live());
    }

    public async Task<UserView> UpdateProfile(UserProfileChanges changes)
    {
        await Execute(state => UserDecider.UpdateProfile(state, changes, clock.GetUtcNow()));
        return ToView(Live());
    }

    public async Task<UserView> SetActiveOrganization(Guid organizationId)
    {
        await Execute(state => UserDecider.SetActiveOrganization(state, organizationId, clock.GetUtcNow()));
        return ToView(Live());
    }

    public Task<UserView> Get() => Task.FromResult(ToView(Live()));

    private static UserView ToView(UserState user) => new(
        user.Id, user.Subject, user.Email, user.Profile.Name ?? user.Name, user.Profile.PreferredName, user.Profile.Pronouns,
        user.Profile.Timezone, user.Profile.Notes, user.Profile.Context, user.ActiveOrganizationId, user.CreatedAt, user.UpdatedAt);
}
