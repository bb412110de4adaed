using MissionControl.Grains.Users.Events;

namespace MissionControl.Grains.Users;

/// <summary>Folds user events into <see cref="UserState"/>; never throws.</summary>
public static class UserEvolver
{
    public static UserState? Apply(UserState? state, UserEvent evt) => evt switch
    {
        UserRegistered e => new UserState(
            e.UserId, e.Subject, e.Email, e.Name, new UserProfile(Name: e.Name), null, IsDeleted: false, e.At, e.At),
        _ when state is null => null,
        UserProfileUpdated e => state with { Profile = e.Profile, UpdatedAt = e.At },
        UserActiveOrganizationSet e => state with { ActiveOrganizationId = e.OrganizationId, UpdatedAt = e.At },
        UserDeleted e => state with { IsDeleted = true, ActiveOrganizationId = null, UpdatedAt = e.At },
        _ => state with { UpdatedAt = evt.At },
    };
}
