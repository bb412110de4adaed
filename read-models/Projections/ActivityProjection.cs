using System.Security.Cryptography;
using System.Text;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Tasks.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Fills <c>activity_events</c> from task, board and agent events: what the activity feed, the
/// task comments and the task stream read. Registered after the entity projections, so the rows
/// it reads (a task's title, an agent's board) already reflect the event. Agent heartbeats are
/// left out on purpose: they are the hottest write path and the agents table already says when
/// each agent was last seen. Each row's id derives from its event, so a replay adds nothing twice.
/// </summary>
public sealed class ActivityProjection : IInlineProjection
{
    private const int MaxMessageLength = 500;

    public bool Handles(Type eventType) =>
        typeof(TaskEvent).IsAssignableFrom(eventType)
        || eventType == typeof(BoardMemoryPosted) || eventType == typeof(BoardNotificationFailed)
        || eventType == typeof(AgentProvisionCompleted) || eventType == typeof(AgentProvisionFailed)
        || eventType == typeof(AgentWentOffline) || eventType == typeof(AgentDeleted);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        TaskCommented e => InsertTaskAsync(connection, recorded, new Row(e.CommentId, "task.comment", e.Message, e.At)
        {
            AgentId = e.AgentId, UserId = e.UserId,
        }, ct),
        TaskDeleted => Task.CompletedTask,
        TaskEvent e => InsertTaskAsync(connection, recorded, TaskChangeRow(recorded, e), ct),
        BoardMemoryPosted e => InsertBoardAsync(connection, recorded, new Row(IdOf(recorded), e.IsChat ? "board.chat" : "board.memory", e.Content, e.At)
        {
            AgentId = e.AgentId, UserId = e.UserId,
        }, ct),
        BoardNotificationFailed e => InsertBoardAsync(connection, recorded,
            new Row(IdOf(recorded), $"{e.Topic}_notify_failed", $"Could not notify the agent: {e.Error}", e.At) { AgentId = e.AgentId, TaskId = e.TaskId }, ct),
        AgentProvisionCompleted e => InsertAgentAsync(connection, recorded, "agent.provisioned", "Agent {0} is provisioned.", e.At, ct),
        AgentProvisionFailed e => InsertAgentAsync(connection, recorded, "agent.provision.failed", "Provisioning agent {0} failed: " + e.Error, e.At, ct),
        AgentWentOffline e => InsertAgentAsync(connection, recorded, "agent.offline", "Agent {0} went offline: " + e.Reason, e.At, ct),
        AgentDeleted e => InsertAgentAsync(connection, recorded, "agent.deleted", "Agent {0} was deleted.", e.At, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>The activity type and message of a task change; {0} stands for the title.</summary>
    private static (string Type, string Message) TaskActivity(TaskEvent e) => e switch
    {
        TaskCreated => ("task.created", "Task created: {0}."),
        TaskMoved m when m.PreviousStatus != m.Status => ("task.status_changed", $"Task moved to {m.Status}: {{0}}."),
        TaskReleasedFromAgent => ("task.updated", "Task released by its deleted agent: {0}."),
        _ => ("task.updated", "Task updated: {0}."),
    };

    private sealed record Row(Guid Id, string Type, string Message, DateTimeOffset At)
    {
        public Guid? AgentId { get; init; }
        public Guid? UserId { get; init; }
        public Guid? TaskId { get; init; }
    }

    private static Row TaskChangeRow(RecordedEvent recorded, TaskEvent e)
    {
        var (type, message) = TaskActivity(e);
        return new Row(IdOf(recorded), type, message, e.At) { AgentId = Actor(recorded, "agent"), UserId = Actor(recorded, "user") };
    }

    // Task rows take the task's board and title from its row, which the task projection has just
    // written; a comment's text is kept whole, a change's message has the title put in and is cut short.
    private static Task InsertTaskAsync(NpgsqlConnection connection, RecordedEvent recorded, Row row, CancellationToken ct)
    {
        var message = row.Type == "task.comment" ? "$3" : "left(replace($3, '{0}', t.title), " + MaxMessageLength + ")";
        return connection.ExecuteAsync($"""
            insert into activity_events (id, event_type, message, agent_id, task_id, board_id, user_id, created_at)
            select $1, $2, {message}, $4, t.id, t.board_id, $5, $6
            from tasks t where t.stream_id = $7 and not t.deleted
            on conflict do nothing
            """, ct, row.Id, row.Type, row.Message, row.AgentId, row.UserId, row.At, recorded.StreamId);
    }

    private static Task InsertBoardAsync(NpgsqlConnection connection, RecordedEvent recorded, Row row, CancellationToken ct) =>
        connection.ExecuteAsync("""
            insert into activity_events (id, event_type, message, agent_id, task_id, board_id, user_id, created_at)
            select $1, $2, left($3, $8), $4, $5, b.id, $6, $7
            from boards b where b.stream_id = $9
            on conflict do nothing
            """, ct, row.Id, row.Type, row.Message, row.AgentId, row.TaskId, row.UserId, row.At, MaxMessageLength, recorded.StreamId);

    private static Task InsertAgentAsync(
        NpgsqlConnection connection, RecordedEvent recorded, string type, string message, DateTimeOffset at, CancellationToken ct) =>
        connection.ExecuteAsync("""
            insert into activity_events (id, event_type, message, agent_id, board_id, created_at)
            select $1, $2, left(replace($3, '{0}', a.name), $5), a.id, a.board_id, $4
            from agents a where a.stream_id = $6
            on conflict do nothing
            """, ct, IdOf(recorded), type, message, at, MaxMessageLength, recorded.StreamId);

    /// <summary>The acting agent or user stamped on the event ("agent:&lt;id&gt;" / "user:&lt;id&gt;"), if any.</summary>
    private static Guid? Actor(RecordedEvent recorded, string kind) =>
        recorded.Metadata.CausedBy is { } causedBy && causedBy.StartsWith(kind + ":", StringComparison.Ordinal)
        && Guid.TryParse(causedBy.AsSpan(kind.Length + 1), out var id)
            ? id
            : null;

    /// <summary>A stable id for the activity of one event.</summary>
    private static Guid IdOf(RecordedEvent recorded) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"activity/{recorded.StreamId}/{recorded.StreamVersion}")));
}
