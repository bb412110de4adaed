using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Common;
using MissionControl.Grains.Users.Events;

namespace MissionControl.Grains.Users;

/// <summary>User rules. Pure: state and request in, events out.</summary>
public static class UserDecider
{
    public const string NotFoundDetail = "User not found";

    /// <summary>Registers a new or deleted user; a live one is left as it is.</summary>
    public static IReadOnlyList<UserEvent> Register(UserState? state, Guid userId, UserIdentity identity, DateTimeOffset now)
    {
        if (state is { IsDeleted: false })
            return [];
        if (string.IsNullOrWhiteSpace(identity.Subject))
            throw DomainError.Validation("subject is required");
        return [new UserRegistered(userId, identity.Subject, Clean(identity.Email)?.ToLowerInvariant(), Clean(identity.Name), now)];
    }

    /// <summary>Applies a profile PATCH; nothing changed records nothing.</summary>
    public static IReadOnlyList<UserEvent> UpdateProfile(UserState? state, UserProfileChanges changes, DateTimeOffset now)
    {
        var current = RequireLive(state).Profile;
        var next = new UserProfile(
            Pick(changes.Name, current.Name, "name"),
            Pick(changes.PreferredName, current.PreferredName, "preferred_name"),
            Pick(changes.Pronouns, current.Pronouns, "pronouns"),
            Pick(changes.Timezone, current.Timezone, "timezone"),
            Pick(changes.Notes, current.Notes, "notes"),
            Pick(changes.Context, current.Context, "context"));
        return next == current ? [] : [new UserProfileUpdated(next, now)];
    }

    public static IReadOnlyList<UserEvent> SetActiveOrganization(UserState? state, Guid organizationId, DateTimeOffset now) =>
        RequireLive(state).ActiveOrganizationId == organizationId ? [] : [new UserActiveOrganizationSet(organizationId, now)];

    public static IReadOnlyList<UserEvent> Delete(UserState? state, DateTimeOffset now) =>
        state is { IsDeleted: false } ? [new UserDeleted(now)] : [];

    public static UserState RequireLive(UserState? state) =>
        state is { IsDeleted: false } ? state : throw DomainError.NotFound(NotFoundDetail);

    private static string? Pick(string? requested, string? current, string field)
    {
        if (requested is null)
            return current;
        if (requested.Length > FieldLimits.Text)
            throw DomainError.Validation($"{field} must be at most {FieldLimits.Text} characters");
        return Clean(requested);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
