using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>Reads of the <c>boards</c> table. Deleted boards are not returned.</summary>
public sealed class BoardQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, organization_id, name, description, board_type, objective, gateway_id, lead_agent_id, is_paused,
        require_approval_for_done, require_review_before_done, comment_required_for_review,
        block_status_changes_with_pending_approval, only_lead_can_change_status, max_agents, created_at, updated_at
        """;

    // Upstream's order: name without case, then newest first; id keeps pages stable on ties.
    private const string ListOrder = "lower(name), created_at desc, id";

    public Task<BoardRow?> GetAsync(Guid boardId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync(
            $"select {Columns} from boards where id = $1 and not deleted", Read, ct, boardId);

    /// <summary>One page of an organization's boards, optionally only those on <paramref name="gatewayId"/>.</summary>
    public Task<Page<BoardRow>> ListAsync(
        Guid organizationId, Guid? gatewayId, int limit, int offset, CancellationToken ct = default)
    {
        var where = new Filter()
            .Require("organization_id = {0}", organizationId)
            .Require("not deleted")
            .RequireIfSet("gateway_id = {0}", gatewayId);
        return dataSource.PageAsync(Columns, "boards", where, ListOrder, limit, offset, Read, ct);
    }

    /// <summary>
    /// One page of the boards of an organization a member may read: all of them when
    /// <paramref name="onlyBoardIds"/> is null, else only those (a member's per-board grants).
    /// </summary>
    public Task<Page<BoardRow>> ListReadableAsync(
        Guid organizationId, Guid? gatewayId, IReadOnlyCollection<Guid>? onlyBoardIds, int limit, int offset, CancellationToken ct = default)
    {
        var where = new Filter()
            .Require("organization_id = {0}", organizationId)
            .Require("not deleted")
            .RequireIfSet("gateway_id = {0}", gatewayId)
            .RequireIfSet("id = any({0})", onlyBoardIds?.ToArray());
        return dataSource.PageAsync(Columns, "boards", where, ListOrder, limit, offset, Read, ct);
    }

    /// <summary>Every board on a gateway, e.g. to sync its agents' templates (skipping paused ones).</summary>
    public Task<IReadOnlyList<BoardRow>> OfGatewayAsync(Guid gatewayId, CancellationToken ct = default) =>
        dataSource.ListAsync(
            $"select {Columns} from boards where gateway_id = $1 and not deleted order by {ListOrder}", Read, ct, gatewayId);

    private static BoardRow Read(NpgsqlDataReader row) => new(
        row.Guid("id"),
        row.Guid("organization_id"),
        row.Text("name"),
        row.Text("description"),
        row.Text("board_type"),
        row.TextOrNull("objective"),
        row.Guid("gateway_id"),
        row.GuidOrNull("lead_agent_id"),
        row.Flag("is_paused"),
        row.Flag("require_approval_for_done"),
        row.Flag("require_review_before_done"),
        row.Flag("comment_required_for_review"),
        row.Flag("block_status_changes_with_pending_approval"),
        row.Flag("only_lead_can_change_status"),
        row.Int("max_agents"),
        row.Time("created_at"),
        row.Time("updated_at"));
}
