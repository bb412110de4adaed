using MissionControl.Grains.Organizations;
using MissionControl.Grains.Organizations.Events;
using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>Members and their per-board grants.</summary>
public sealed partial class OrganizationProjection
{
    // Adding an existing member replaces the membership, as the evolver does.
    private static async Task AddMemberAsync(NpgsqlConnection connection, Change change, OrganizationMemberAdded e, CancellationToken ct)
    {
        await connection.ExecuteAsync("""
            insert into organization_members (
                organization_id, user_id, email, role, all_boards_read, all_boards_write, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
            on conflict (organization_id, user_id) do update set
                email = excluded.email, role = excluded.role, all_boards_read = excluded.all_boards_read,
                all_boards_write = excluded.all_boards_write, version = excluded.version, updated_at = excluded.updated_at
            """, ct, change.OrganizationId, e.UserId, e.Email, e.Role, e.AllBoardsRead, e.AllBoardsWrite, change.Version, change.At);
        await ReplaceGrantsAsync(connection, change, e.UserId, e.BoardAccess, ct);
    }

    private static Task ChangeRoleAsync(NpgsqlConnection connection, Change change, OrganizationMemberRoleChanged e, CancellationToken ct) =>
        connection.ExecuteAsync("""
            update organization_members set role = $3, version = $4, updated_at = $5
            where organization_id = $1 and user_id = $2
            """, ct, change.OrganizationId, e.UserId, e.Role, change.Version, change.At);

    private static async Task SetAccessAsync(NpgsqlConnection connection, Change change, OrganizationMemberAccessSet e, CancellationToken ct)
    {
        var updated = await connection.ExecuteAsync("""
            update organization_members set all_boards_read = $3, all_boards_write = $4, version = $5, updated_at = $6
            where organization_id = $1 and user_id = $2
            """, ct, change.OrganizationId, e.UserId, e.AllBoardsRead, e.AllBoardsWrite, change.Version, change.At);
        // Access set for someone who is not a member changes nothing in the grain either.
        if (updated > 0)
            await ReplaceGrantsAsync(connection, change, e.UserId, e.BoardAccess, ct);
    }

    // Grants go with the membership (foreign key, on delete cascade).
    private static Task RemoveMemberAsync(NpgsqlConnection connection, Change change, OrganizationMemberRemoved e, CancellationToken ct) =>
        connection.ExecuteAsync(
            "delete from organization_members where organization_id = $1 and user_id = $2", ct,
            change.OrganizationId, e.UserId);

    private static async Task ReplaceGrantsAsync(
        NpgsqlConnection connection, Change change, Guid userId, IReadOnlyDictionary<Guid, BoardGrant> grants, CancellationToken ct)
    {
        await connection.ExecuteAsync(
            "delete from organization_board_access where organization_id = $1 and user_id = $2", ct,
            change.OrganizationId, userId);
        if (grants.Count == 0)
            return;
        await connection.ExecuteAsync("""
            insert into organization_board_access (
                organization_id, user_id, board_id, can_read, can_write, version, created_at, updated_at)
            select $1, $2, g.board_id, g.can_read, g.can_write, $3, $4, $4
            from unnest($5::uuid[], $6::boolean[], $7::boolean[]) as g (board_id, can_read, can_write)
            """, ct,
            [change.OrganizationId, userId, change.Version, change.At, .. GrantColumns(grants)]);
    }
}
