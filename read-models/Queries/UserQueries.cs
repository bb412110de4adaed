using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>Reads of operators and of what waits for them when they first sign in.</summary>
public sealed class UserQueries(NpgsqlDataSource dataSource)
{
    /// <summary>A live user's name and email, e.g. to show who wrote something.</summary>
    public Task<UserRow?> GetAsync(Guid userId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync(
            "select id, email, name, preferred_name from users where id = $1 and not deleted",
            row => new UserRow(row.Guid("id"), row.TextOrNull("email"), row.TextOrNull("name"), row.TextOrNull("preferred_name")),
            ct, userId);

    /// <summary>The oldest pending invite for <paramref name="email"/> in a live organization, if any.</summary>
    public Task<PendingInviteRow?> OldestInviteForAsync(string email, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync("""
            select i.id, i.organization_id from organization_invites i
            join organizations o on o.id = i.organization_id and not o.deleted
            where i.invited_email = $1
            order by i.created_at, i.id
            limit 1
            """,
            row => new PendingInviteRow(row.Guid("id"), row.Guid("organization_id")),
            ct, email.Trim().ToLowerInvariant());
}

/// <summary>Who a user is, as other rows show them.</summary>
public sealed record UserRow(Guid Id, string? Email, string? Name, string? PreferredName);

/// <summary>An invite waiting for a user's first sign-in.</summary>
public sealed record PendingInviteRow(Guid InviteId, Guid OrganizationId);
