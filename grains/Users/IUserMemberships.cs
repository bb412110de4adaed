namespace MissionControl.Grains.Users;

/// <summary>A user's organizations and pending invites, as the read model (written with every append) says.</summary>
public interface IUserMemberships
{
    /// <summary>The live organizations the user is a member of, by name (ignoring case), then id.</summary>
    Task<IReadOnlyList<Guid>> OrganizationsOfAsync(Guid userId, CancellationToken ct);

    /// <summary>The oldest invite to <paramref name="email"/> into a live organization, if any.</summary>
    Task<(Guid InviteId, Guid OrganizationId)?> OldestInviteForAsync(string email, CancellationToken ct);
}
