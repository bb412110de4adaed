using System.Security.Cryptography;
using System.Text;
using Orleans;

namespace MissionControl.GrainInterfaces.Users;

/// <summary>
/// One operator, keyed by the id <see cref="UserIds.FromSubject"/> derives from the identity
/// provider's subject, so every silo finds the same user without a lookup and two first requests
/// register one user. A deleted user who signs in again starts afresh.
/// </summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Registers the user on first sight (or after deletion); otherwise returns them unchanged.</summary>
    Task<UserView> Ensure(UserIdentity identity);

    /// <summary>
    /// A signed-in operator's request: registers a user seen for the first time; a user in no
    /// organization joins the one whose invite to their email is oldest, else gets a "Personal"
    /// organization of their own; a user whose active organization is gone (or was never set)
    /// works in the first of theirs by name. Returns the user as they now are.
    /// </summary>
    Task<UserView> SignIn(UserIdentity identity);

    /// <summary>Changes the given profile fields; null members stay as they are, blank clears.</summary>
    Task<UserView> UpdateProfile(UserProfileChanges changes);

    /// <summary>Makes <paramref name="organizationId"/> the organization the user works in.</summary>
    Task<UserView> SetActiveOrganization(Guid organizationId);

    /// <summary>
    /// Creates an organization named <paramref name="name"/> with the user as its owner, unless a
    /// live organization holds the name (Conflict), and makes it the one the user works in.
    /// Returns its id.
    /// </summary>
    Task<Guid> CreateOrganization(string name);

    /// <summary>
    /// Leaves every organization (one the user was alone in is deleted with them), then deletes
    /// the user, so a failure half-way leaves a user who can simply delete again; deleting again
    /// changes nothing.
    /// </summary>
    Task Delete();

    /// <summary>The user, or NotFound when unknown or deleted.</summary>
    Task<UserView> Get();
}

/// <summary>Who signed in, as the identity provider (or local mode) says.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.user-identity")]
public sealed record UserIdentity(string Subject, string? Email, string? Name);

/// <summary>A profile PATCH: null members stay as they are; blank text clears the field.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.user-profile-changes")]
public sealed record UserProfileChanges
{
    [Orleans.Id(0)]
    public string? Name { get; init; }
    [Orleans.Id(1)]
    public string? PreferredName { get; init; }
    [Orleans.Id(2)]
    public string? Pronouns { get; init; }
    [Orleans.Id(3)]
    public string? Timezone { get; init; }
    [Orleans.Id(4)]
    public string? Notes { get; init; }
    [Orleans.Id(5)]
    public string? Context { get; init; }
}

/// <summary>A user as the API shows it.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.user-view")]
public sealed record UserView(
    Guid Id,
    string Subject,
    string? Email,
    string? Name,
    string? PreferredName,
    string? Pronouns,
    string? Timezone,
    string? Notes,
    string? Context,
    Guid? ActiveOrganizationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Derived ids, so the same subject always names the same user everywhere.</summary>
public static class UserIds
{
    /// <summary>A name-based (version 5 style) Guid of the subject.</summary>
    public static Guid FromSubject(string subject) => Derive("user:" + subject);

    /// <summary>The personal organization made for a user registered at <paramref name="registeredAt"/>.</summary>
    public static Guid PersonalOrganization(Guid userId, DateTimeOffset registeredAt) =>
        Derive($"personal-organization:{userId:D}:{registeredAt.UtcTicks}");

    private static Guid Derive(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 (name-based), little-endian field layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
