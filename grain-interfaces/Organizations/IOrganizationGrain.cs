using Orleans;

namespace MissionControl.GrainInterfaces.Organizations;

/// <summary>
/// One organization, keyed by its id (a Guid in its "D" form): its members, their roles and
/// board access, and pending invites. Every change names the acting user, whose membership the
/// grain checks (admins manage members and invites; owner safeguards apply). Board grants are
/// checked against the boards themselves: each must belong to this organization. Broken rules
/// surface as domain errors; an organization that does not exist, or was deleted, is NotFound.
/// </summary>
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>Creates the organization; its creator becomes the owner with access to every board.</summary>
    Task<OrganizationView> Create(NewOrganization organization);

    /// <summary>Changes a member's role (blank means member; unknown roles are a Validation error).</summary>
    Task<OrganizationView> ChangeMemberRole(Guid actorUserId, Guid memberUserId, string? role);

    /// <summary>Replaces a member's board access.</summary>
    Task<OrganizationView> SetMemberAccess(Guid actorUserId, Guid memberUserId, MemberAccess access);

    /// <summary>Removes a member: never oneself, never the last owner, owners only by owners.</summary>
    Task<OrganizationView> RemoveMember(Guid actorUserId, Guid memberUserId);

    /// <summary>Invites someone by email. The caller mints the token and passes only its hash.</summary>
    Task<InviteView> CreateInvite(Guid actorUserId, NewInvite invite);

    /// <summary>Withdraws a pending invite; NotFound when it is not pending.</summary>
    Task RevokeInvite(Guid actorUserId, Guid inviteId);

    /// <summary>
    /// Accepts the pending invite whose token hashes to <paramref name="tokenHash"/>, as the
    /// signed-in user with <paramref name="email"/> (which must be the invited one, else
    /// Forbidden). Returns the user's membership afterwards.
    /// </summary>
    Task<MemberView> AcceptInvite(Guid userId, string? email, string tokenHash);

    /// <summary>
    /// Accepts the pending invite <paramref name="inviteId"/> for a user signing in for the first
    /// time with the invited <paramref name="email"/> (else Forbidden); NotFound when it is gone.
    /// </summary>
    Task<MemberView> ClaimInvite(Guid userId, string? email, Guid inviteId);

    /// <summary>The user deleted their account: removes their membership, or the organization if they were its only member.</summary>
    Task Leave(Guid userId);

    /// <summary>Deletes the organization (owners only); deleting it again changes nothing.</summary>
    Task Delete(Guid actorUserId);

    /// <summary>Members, their roles and access, and pending invites (never their token hashes).</summary>
    Task<OrganizationView> Get();
}

/// <summary>What creating an organization needs: its name and its first owner.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.new-organization")]
public sealed record NewOrganization(string Name, Guid OwnerUserId, string? OwnerEmail);

/// <summary>Read or write on one board.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.board-permission")]
public sealed record BoardPermission(bool CanRead, bool CanWrite);

/// <summary>Board access: all-boards flags, or grants per board (write implies read).</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.member-access")]
public sealed record MemberAccess(bool AllBoardsRead, bool AllBoardsWrite, IReadOnlyDictionary<Guid, BoardPermission> Boards)
{
    /// <summary>No access to any board.</summary>
    public static MemberAccess None { get; } = new(false, false, new Dictionary<Guid, BoardPermission>());

    // Equal by content, grants included: a record compares a dictionary by reference only.
    public bool Equals(MemberAccess? other) =>
        other is not null && AllBoardsRead == other.AllBoardsRead && AllBoardsWrite == other.AllBoardsWrite
        && Boards.Count == other.Boards.Count
        && Boards.All(pair => other.Boards.TryGetValue(pair.Key, out var permission) && permission == pair.Value);

    public override int GetHashCode() => HashCode.Combine(AllBoardsRead, AllBoardsWrite, Boards.Count);
}

/// <summary>An invitation to issue. <paramref name="TokenHash"/> is the digest of a token the caller minted.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.new-invite")]
public sealed record NewInvite(Guid InviteId, string InvitedEmail, string TokenHash, string? Role, MemberAccess Access);

/// <summary>A member as it may be shown.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.member-view")]
public sealed record MemberView(Guid UserId, string? Email, string Role, MemberAccess Access);

/// <summary>A pending invite as it may be shown: without its token hash.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.invite-view")]
public sealed record InviteView(Guid Id, string InvitedEmail, string Role, MemberAccess Access, Guid CreatedByUserId, DateTimeOffset CreatedAt);

/// <summary>An organization as it may be shown; members by role (owners first), then email.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.organization-view")]
public sealed record OrganizationView(
    Guid Id,
    string Name,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<InviteView> Invites,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
