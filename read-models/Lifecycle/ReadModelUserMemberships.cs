using MissionControl.Grains.Users;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ReadModels.Lifecycle;

/// <summary>A user's organizations and oldest pending invite, for signing in, from the read models.</summary>
public sealed class ReadModelUserMemberships(OrganizationQueries organizations, UserQueries users) : IUserMemberships
{
    public async Task<IReadOnlyList<Guid>> OrganizationsOfAsync(Guid userId, CancellationToken ct) =>
        (await organizations.OfUserAsync(userId, ct)).Select(org => org.Id).ToList();

    public async Task<(Guid InviteId, Guid OrganizationId)?> OldestInviteForAsync(string email, CancellationToken ct) =>
        await users.OldestInviteForAsync(email, ct) is { } invite ? (invite.InviteId, invite.OrganizationId) : null;
}
