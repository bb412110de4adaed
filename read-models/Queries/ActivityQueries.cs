using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>One row of the activity feed; task comments are the rows of type <c>task.comment</c>.</summary>
public sealed record ActivityRow(
    Guid Id, string EventType, string? Message, Guid? AgentId, Guid? TaskId, Guid? BoardId, Guid? UserId, DateTimeOffset CreatedAt);

/// <summary>Reads of <c>activity_events</c>.</summary>
public sealed class ActivityQueries(NpgsqlDataSource dataSource)
{
    public const string CommentType = "task.comment";

    private const string Columns = "id, event_type, message, agent_id, task_id, board_id, user_id, created_at";
    private const string NewestFirst = "created_at desc, id";

    /// <summary>One page of what happened on <paramref name="boardIds"/>, newest first.</summary>
    public Task<Page<ActivityRow>> OfBoardsAsync(IReadOnlyCollection<Guid> boardIds, int limit, int offset, CancellationToken ct = default) =>
        dataSource.PageAsync(Columns, "activity_events", new Filter().Require("board_id = any({0})", boardIds.ToArray()), NewestFirst, limit, offset, Read, ct);

    /// <summary>One page of an agent's own activity, newest first.</summary>
    public Task<Page<ActivityRow>> OfAgentAsync(Guid agentId, int limit, int offset, CancellationToken ct = default) =>
        dataSource.PageAsync(Columns, "activity_events", new Filter().Require("agent_id = {0}", agentId), NewestFirst, limit, offset, Read, ct);

    /// <summary>One page of a task's comments, oldest first.</summary>
    public Task<Page<ActivityRow>> CommentsAsync(Guid taskId, int limit, int offset, CancellationToken ct = default)
    {
        var where = new Filter().Require("task_id = {0}", taskId).Require("event_type = {0}", CommentType);
        return dataSource.PageAsync(Columns, "activity_events", where, "created_at, id", limit, offset, Read, ct);
    }

    /// <summary>Task activity of a board at or after <paramref name="since"/>, oldest first (the task stream).</summary>
    public Task<IReadOnlyList<ActivityRow>> TaskEventsSinceAsync(Guid boardId, DateTimeOffset since, CancellationToken ct = default) =>
        dataSource.ListAsync($"""
            select {Columns} from activity_events
            where board_id = $1 and task_id is not null and created_at >= $2
            order by created_at, id limit 500
            """, Read, ct, boardId, since);

    /// <summary>Whether <paramref name="agentId"/> commented on the task at or after <paramref name="since"/> (any time when null).</summary>
    public async Task<bool> HasCommentByAsync(Guid taskId, Guid agentId, DateTimeOffset? since, CancellationToken ct = default) =>
        (await dataSource.ListAsync("""
            select 1 as found from activity_events
            where task_id = $1 and event_type = 'task.comment' and agent_id = $2
              and ($3::timestamptz is null or created_at >= $3::timestamptz)
            limit 1
            """, row => true, ct, taskId, agentId, since)).Count > 0;

    private static ActivityRow Read(NpgsqlDataReader row) => new(
        row.Guid("id"),
        row.Text("event_type"),
        row.TextOrNull("message"),
        row.GuidOrNull("agent_id"),
        row.GuidOrNull("task_id"),
        row.GuidOrNull("board_id"),
        row.GuidOrNull("user_id"),
        row.Time("created_at"));
}
