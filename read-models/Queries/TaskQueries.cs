using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>Reads of the <c>tasks</c> table.</summary>
public sealed class TaskQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, board_id, title, description, status, priority, assigned_agent_id, in_progress_at,
        previous_in_progress_at, created_by_user_id, created_at, updated_at, due_at, auto_reason
        """;

    // Upstream lists newest first; id keeps pages stable on ties.
    private const string NewestFirst = "created_at desc, id";

    public Task<TaskRow?> GetAsync(Guid taskId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync($"select {Columns} from tasks where id = $1 and not deleted", Read, ct, taskId);

    /// <summary>One page of a board's tasks, newest first.</summary>
    public Task<Page<TaskRow>> ListAsync(
        Guid boardId, TaskListFilter filter, int limit, int offset, CancellationToken ct = default)
    {
        var where = new Filter()
            .Require("board_id = {0}", boardId)
            .Require("not deleted")
            .RequireIfSet("status = any({0})", filter.Statuses is { Count: > 0 } statuses ? statuses.ToArray() : null)
            .RequireIfSet("assigned_agent_id = {0}", filter.AssignedAgentId);
        if (filter.UnassignedOnly)
            where.Require("assigned_agent_id is null");
        return dataSource.PageAsync(Columns, "tasks", where, NewestFirst, limit, offset, Read, ct);
    }

    /// <summary>Every task assigned to an agent, on any board (e.g. to release them when it is deleted).</summary>
    public Task<IReadOnlyList<TaskRow>> AssignedToAsync(Guid agentId, CancellationToken ct = default) =>
        dataSource.ListAsync(
            $"select {Columns} from tasks where assigned_agent_id = $1 and not deleted order by {NewestFirst}", Read, ct, agentId);

    /// <summary>Every task of a board, newest first (the board snapshot).</summary>
    public Task<IReadOnlyList<TaskRow>> OfBoardAsync(Guid boardId, CancellationToken ct = default) =>
        dataSource.ListAsync(
            $"select {Columns} from tasks where board_id = $1 and not deleted order by {NewestFirst}", Read, ct, boardId);

    private static TaskRow Read(NpgsqlDataReader row) => new(
        row.Guid("id"),
        row.Guid("board_id"),
        row.Text("title"),
        row.TextOrNull("description"),
        row.Text("status"),
        row.Text("priority"),
        row.GuidOrNull("assigned_agent_id"),
        row.TimeOrNull("in_progress_at"),
        row.TimeOrNull("previous_in_progress_at"),
        row.GuidOrNull("created_by_user_id"),
        row.Time("created_at"),
        row.Time("updated_at"))
    {
        DueAt = row.TimeOrNull("due_at"),
        AutoReason = row.TextOrNull("auto_reason"),
    };
}
