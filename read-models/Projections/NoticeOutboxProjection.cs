using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Tasks.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Queues the events that call for messages to agents in <c>notice_outbox</c>, inside the append's
/// transaction: a chat post, a task created by a user or with an assignee, a task handed to a new
/// assignee, a comment. <see cref="Work.NoticeDispatcher"/> sends them after the commit.
/// </summary>
public sealed class NoticeOutboxProjection : IInlineProjection
{
    public bool Handles(Type eventType) =>
        eventType == typeof(BoardMemoryPosted) || eventType == typeof(TaskCreated)
        || eventType == typeof(TaskMoved) || eventType == typeof(TaskCommented);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) =>
        CallsForNotice(recorded.Data)
            ? connection.ExecuteAsync("""
                insert into notice_outbox (stream_id, stream_version, queued_at) values ($1, $2, $3)
                on conflict do nothing
                """, ct, recorded.StreamId, recorded.StreamVersion, recorded.RecordedAt)
            : Task.CompletedTask;

    private static bool CallsForNotice(object data) => data switch
    {
        BoardMemoryPosted posted => posted.IsChat,
        TaskCreated created => created.CreatedByUserId is not null || created.AssignedAgentId is not null,
        TaskMoved moved => moved.AssignedAgentId is { } assignee && assignee != moved.PreviousAssignedAgentId,
        TaskCommented => true,
        _ => false,
    };
}
