using MissionControl.Grains.Boards.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Fills <c>board_memory</c> from <see cref="BoardMemoryPosted"/> events. Posting moves the
/// board stream's version but is not a change to the board, so the board row keeps its
/// <c>updated_at</c> (the board projection bumps only the version for these).
/// </summary>
public sealed class BoardMemoryProjection : IInlineProjection
{
    public bool Handles(Type eventType) => eventType == typeof(BoardMemoryPosted);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        BoardMemoryPosted e => connection.ExecuteAsync("""
            insert into board_memory (id, board_id, content, tags, is_chat, source, agent_id, user_id, created_at)
            select $1, b.id, $2, $3, $4, $5, $6, $7, $8
            from boards b where b.stream_id = $9
            on conflict do nothing
            """, ct, e.MemoryId, e.Content, SqlParameters.Jsonb(e.Tags), e.IsChat, e.Source, e.AgentId, e.UserId, e.At, recorded.StreamId),
        _ => Task.CompletedTask,
    };
}
