using MissionControl.GrainInterfaces.Users;

namespace MissionControl.ApiGateway.Apis.Users;

/// <summary>A user as the API shows it (upstream <c>UserRead</c>; <c>clerk_user_id</c> is the identity provider's subject).</summary>
public sealed record UserRead(
    Guid Id,
    string ClerkUserId,
    string? Email,
    string? Name,
    string? PreferredName,
    string? Pronouns,
    string? Timezone,
    string? Notes,
    string? Context,
    bool IsSuperAdmin)
{
    public static UserRead From(UserView user) => new(
        user.Id, user.Subject, user.Email, user.Name, user.PreferredName, user.Pronouns, user.Timezone, user.Notes, user.Context,
        IsSuperAdmin: false);
}

/// <summary>The body of <c>PATCH /users/me</c>: absent or null fields stay as they are, blank text clears.</summary>
public sealed record UserUpdate(
    string? Name = null,
    string? PreferredName = null,
    string? Pronouns = null,
    string? Timezone = null,
    string? Notes = null,
    string? Context = null)
{
    public UserProfileChanges ToChanges() => new()
    {
        Name = Name,
        PreferredName = PreferredName,
        Pronouns = Pronouns,
        Timezone = Timezone,
        Notes = Notes,
        Context = Context,
    };
}

/// <summary>The <c>{"ok": true}</c> answer of routes that only confirm.</summary>
public sealed record OkResponse(bool Ok = true)
{
    public static readonly OkResponse Instance = new();
}
