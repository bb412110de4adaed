using MissionControl.Grains.Organizations.Events;
using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Pending invites. The token digest is projected (migration 0008) only so an invite can be found
/// by its token; redeeming it is still the organization grain's decision.
/// </summary>
public sealed partial class OrganizationProjection
{
    private static async Task CreateInviteAsync(NpgsqlConnection connection, Change change, OrganizationInviteCreated e, CancellationToken ct)
    {
        await connection.ExecuteAsync("""
            insert into organization_invites (
                id, organization_id, invited_email, role, all_boards_read, all_boards_write,
                created_by_user_id, version, created_at, updated_at, token_hash)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
            """, ct,
            e.InviteId, change.OrganizationId, e.InvitedEmail, e.Role, e.AllBoardsRead, e.AllBoardsWrite,
            e.CreatedByUserId, change.Version, change.At, e.TokenHash);
        if (e.BoardAccess.Count == 0)
            return;
        await connection.ExecuteAsync("""
            insert into organization_invite_board_access (invite_id, board_id, can_read, can_write, version)
            select $1, g.board_id, g.can_read, g.can_write, $2
            from unnest($3::uuid[], $4::boolean[], $5::boolean[]) as g (board_id, can_read, can_write)
            """, ct,
            [e.InviteId, change.Version, .. GrantColumns(e.BoardAccess)]);
    }

    // Accepted and revoked invites leave the pending list; their grants go with them (cascade).
    private static Task RemoveInviteAsync(NpgsqlConnection connection, Change change, Guid inviteId, CancellationToken ct) =>
        connection.ExecuteAsync(
            "delete from organization_invites where id = $1 and organization_id = $2", ct, inviteId, change.OrganizationId);
}
