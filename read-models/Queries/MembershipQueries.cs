using MissionControl.Grains.Organizations;
using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>
/// Reads behind the organization routes: members with who they are (joined from <c>users</c>)
/// and their board grants, single pending invites, invites by token digest, and name checks.
/// Deleted organizations are never returned.
/// </summary>
public sealed class MembershipQueries(NpgsqlDataSource dataSource) : IOrganizationNames
{
    private const string MemberColumns = """
        m.organization_id, m.user_id, m.email, m.role, m.all_boards_read, m.all_boards_write, m.created_at, m.updated_at,
        u.id as profile_id, u.email as profile_email, u.name as profile_name, u.preferred_name as profile_preferred_name
        """;

    // A member whose user row is gone (or deleted) is still listed, without a profile.
    private const string MembersOfLiveOrganizations = """
        organization_members m
        join organizations o on o.id = m.organization_id and not o.deleted
        left join users u on u.id = m.user_id and not u.deleted
        """;

    private const string InviteColumns = """
        id, organization_id, invited_email, role, all_boards_read, all_boards_write, created_by_user_id,
        created_at, updated_at
        """;

    /// <summary>A live organization with this name, compared case-insensitively and trimmed.</summary>
    public async Task<Guid?> LiveHolderAsync(string name, CancellationToken ct = default) =>
        (await dataSource.ListAsync(
            "select id from organizations where lower(name) = lower($1) and not deleted limit 1",
            row => row.Guid("id"), ct, name.Trim())).Cast<Guid?>().FirstOrDefault();

    /// <summary>One member of a live organization with their profile and board grants; null when not a member.</summary>
    public async Task<MemberDetailRow?> MemberAsync(Guid organizationId, Guid userId, CancellationToken ct = default)
    {
        var member = await dataSource.SingleOrDefaultAsync(
            $"select {MemberColumns} from {MembersOfLiveOrganizations} where m.organization_id = $1 and m.user_id = $2",
            row => ReadMember(row, []), ct, organizationId, userId);
        if (member is null)
            return null;
        var grants = await dataSource.ListAsync("""
            select board_id, can_read, can_write, created_at, updated_at from organization_board_access
            where organization_id = $1 and user_id = $2 order by board_id
            """,
            row => new BoardGrantRow(row.Guid("board_id"), row.Flag("can_read"), row.Flag("can_write"), row.Time("created_at"), row.Time("updated_at")),
            ct, organizationId, userId);
        return member with { BoardAccess = grants };
    }

    /// <summary>One page of an organization's members by email then name (board grants left out, as the list shows none).</summary>
    public Task<Page<MemberDetailRow>> MembersAsync(Guid organizationId, int limit, int offset, CancellationToken ct = default) =>
        dataSource.PageAsync(
            MemberColumns, MembersOfLiveOrganizations, new Filter().Require("m.organization_id = {0}", organizationId),
            "lower(coalesce(u.email, m.email)) nulls last, u.name nulls last, m.user_id", limit, offset, row => ReadMember(row, []), ct);

    /// <summary>A pending invite of a live organization; null when unknown, used, revoked or another organization's.</summary>
    public Task<PendingInviteDetailRow?> PendingInviteAsync(Guid organizationId, Guid inviteId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync($"""
            select {InviteColumns} from organization_invites
            where id = $1 and organization_id = $2
              and exists (select 1 from organizations o where o.id = organization_id and not o.deleted)
            """,
            ReadInvite, ct, inviteId, organizationId);

    /// <summary>The pending invite whose token has <paramref name="tokenHash"/> as its digest, in a live organization.</summary>
    public Task<PendingInviteRow?> InviteByTokenHashAsync(string tokenHash, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync("""
            select i.id, i.organization_id from organization_invites i
            join organizations o on o.id = i.organization_id and not o.deleted
            where i.token_hash = $1
            order by i.created_at, i.id
            limit 1
            """,
            row => new PendingInviteRow(row.Guid("id"), row.Guid("organization_id")),
            ct, tokenHash);

    private static MemberDetailRow ReadMember(NpgsqlDataReader row, IReadOnlyList<BoardGrantRow> grants) => new(
        OrganizationQueries.ReadMember(row),
        row.GuidOrNull("profile_id") is { } profileId
            ? new UserRow(profileId, row.TextOrNull("profile_email"), row.TextOrNull("profile_name"), row.TextOrNull("profile_preferred_name"))
            : null,
        grants);

    private static PendingInviteDetailRow ReadInvite(NpgsqlDataReader row) => new(
        row.Guid("id"),
        row.Guid("organization_id"),
        row.Text("invited_email"),
        row.Text("role"),
        row.Flag("all_boards_read"),
        row.Flag("all_boards_write"),
        row.Guid("created_by_user_id"),
        row.Time("created_at"),
        row.Time("updated_at"));
}

/// <summary>A per-board grant with when it was given.</summary>
public sealed record BoardGrantRow(Guid BoardId, bool CanRead, bool CanWrite, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A membership, the member's profile (null when their user row is gone) and their per-board grants.</summary>
public sealed record MemberDetailRow(OrganizationMemberRow Member, UserRow? User, IReadOnlyList<BoardGrantRow> BoardAccess);

/// <summary>A pending invite without its grants or token.</summary>
public sealed record PendingInviteDetailRow(
    Guid Id,
    Guid OrganizationId,
    string InvitedEmail,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    Guid CreatedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
