using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>Reads of organizations, their members, board grants and pending invites. Deleted organizations are not returned.</summary>
public sealed class OrganizationQueries(NpgsqlDataSource dataSource)
{
    private const string MemberColumns =
        "organization_id, user_id, email, role, all_boards_read, all_boards_write, created_at, updated_at";

    // An invite's grants ride along as one json array, so a page of invites is one query.
    private const string InviteColumns = """
        id, organization_id, invited_email, role, all_boards_read, all_boards_write, created_by_user_id,
        created_at, updated_at,
        (select coalesce(json_agg(json_build_object('boardId', a.board_id, 'canRead', a.can_read, 'canWrite', a.can_write)
                                  order by a.board_id), '[]')::text
         from organization_invite_board_access a where a.invite_id = organization_invites.id) as board_access
        """;

    public Task<OrganizationRow?> GetAsync(Guid organizationId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync(
            "select id, name, created_at, updated_at from organizations where id = $1 and not deleted",
            row => new OrganizationRow(row.Guid("id"), row.Text("name"), row.Time("created_at"), row.Time("updated_at")),
            ct, organizationId);

    /// <summary>The organizations <paramref name="userId"/> is a member of, by name.</summary>
    public Task<IReadOnlyList<UserOrganizationRow>> OfUserAsync(Guid userId, CancellationToken ct = default) =>
        dataSource.ListAsync("""
            select o.id, o.name, m.role
            from organization_members m join organizations o on o.id = m.organization_id
            where m.user_id = $1 and not o.deleted
            order by lower(o.name), o.id
            """,
            row => new UserOrganizationRow(row.Guid("id"), row.Text("name"), row.Text("role")),
            ct, userId);

    /// <summary>One page of an organization's members, by email.</summary>
    public Task<Page<OrganizationMemberRow>> MembersAsync(
        Guid organizationId, int limit, int offset, CancellationToken ct = default) =>
        dataSource.PageAsync(
            MemberColumns, "organization_members", new Filter().Require("organization_id = {0}", organizationId),
            "lower(email) nulls last, user_id", limit, offset, ReadMember, ct);

    /// <summary>A member's role, all-boards flags and per-board grants; null when not a member.</summary>
    public async Task<MemberAccessRow?> MemberAccessAsync(Guid organizationId, Guid userId, CancellationToken ct = default)
    {
        var member = await dataSource.SingleOrDefaultAsync(
            $"select {MemberColumns} from organization_members where organization_id = $1 and user_id = $2",
            ReadMember, ct, organizationId, userId);
        if (member is null)
            return null;
        var grants = await dataSource.ListAsync("""
            select board_id, can_read, can_write from organization_board_access
            where organization_id = $1 and user_id = $2 order by board_id
            """,
            row => new BoardAccessRow(row.Guid("board_id"), row.Flag("can_read"), row.Flag("can_write")),
            ct, organizationId, userId);
        return new MemberAccessRow(member, grants);
    }

    /// <summary>One page of an organization's pending invites, newest first.</summary>
    public Task<Page<OrganizationInviteRow>> PendingInvitesAsync(
        Guid organizationId, int limit, int offset, CancellationToken ct = default) =>
        dataSource.PageAsync(
            InviteColumns, "organization_invites", new Filter().Require("organization_id = {0}", organizationId),
            "created_at desc, id", limit, offset, ReadInvite, ct);

    /// <summary>A membership row as the member columns read it; shared with the membership detail queries.</summary>
    internal static OrganizationMemberRow ReadMember(NpgsqlDataReader row) => new(
        row.Guid("organization_id"),
        row.Guid("user_id"),
        row.TextOrNull("email"),
        row.Text("role"),
        row.Flag("all_boards_read"),
        row.Flag("all_boards_write"),
        row.Time("created_at"),
        row.Time("updated_at"));

    private static OrganizationInviteRow ReadInvite(NpgsqlDataReader row) => new(
        row.Guid("id"),
        row.Guid("organization_id"),
        row.Text("invited_email"),
        row.Text("role"),
        row.Flag("all_boards_read"),
        row.Flag("all_boards_write"),
        row.Json<List<BoardAccessRow>>("board_access") ?? [],
        row.Guid("created_by_user_id"),
        row.Time("created_at"),
        row.Time("updated_at"));
}
