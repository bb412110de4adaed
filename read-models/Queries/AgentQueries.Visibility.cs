using MissionControl.ReadModels.Sql;

namespace MissionControl.ReadModels.Queries;

/// <summary>
/// The agents a member may see in their organization: its gateway-main agents plus the agents of
/// <see cref="ReadableBoards"/>, or every agent of the organization when that is null.
/// </summary>
public sealed record AgentVisibility(Guid OrganizationId, IReadOnlyCollection<Guid>? ReadableBoards);

// Reads of the agents a member may see, for the operators' agent list and its change stream.
public sealed partial class AgentQueries
{
    /// <summary>One page of the visible agents, newest first.</summary>
    public Task<Page<AgentRow>> ListVisibleAsync(
        AgentVisibility visibility, AgentListFilter filter, int limit, int offset, CancellationToken ct = default)
    {
        var where = Visible(visibility)
            .RequireIfSet("board_id = {0}", filter.BoardId)
            .RequireIfSet("gateway_id = {0}", filter.GatewayId);
        return dataSource.PageAsync(Columns, "agents", where, "created_at desc, id desc", limit, offset, Read, ct);
    }

    /// <summary>
    /// Visible agents changed at or after <paramref name="since"/>, oldest change first, at most
    /// <paramref name="max"/> of them (a stream reads on from the last one it saw).
    /// </summary>
    public Task<IReadOnlyList<AgentRow>> ChangedSinceAsync(
        AgentVisibility visibility, Guid? boardId, DateTimeOffset since, int max, CancellationToken ct = default)
    {
        var where = Visible(visibility)
            .Require("updated_at >= {0}", since)
            .RequireIfSet("board_id = {0}", boardId);
        var sql = $"select {Columns} from agents {where.WhereClause} order by updated_at, id limit {max}";
        return dataSource.ListAsync(sql, Read, ct, [.. where.Values]);
    }

    /// <summary>The organization's agents called <paramref name="name"/> in any letter case (as names are unique), on <paramref name="boardId"/> when given; oldest first.</summary>
    public Task<IReadOnlyList<AgentRow>> NamedAsync(Guid organizationId, string name, Guid? boardId, CancellationToken ct = default)
    {
        var where = new Filter()
            .Require("not deleted")
            .Require("organization_id = {0}", organizationId)
            .Require("lower(name) = lower({0})", name)
            .RequireIfSet("board_id = {0}", boardId);
        return dataSource.ListAsync(
            $"select {Columns} from agents {where.WhereClause} order by created_at, id", Read, ct, [.. where.Values]);
    }

    private static Filter Visible(AgentVisibility visibility)
    {
        var where = new Filter()
            .Require("not deleted")
            .Require("organization_id = {0}", visibility.OrganizationId);
        return visibility.ReadableBoards is { } boards
            ? where.Require("(board_id is null or board_id = any({0}))", boards.ToArray())
            : where;
    }
}
