using System.Runtime.CompilerServices;
using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// Reads all events in global sequence order without ever skipping one whose transaction
/// commits late. Only events from transactions older than the reader's snapshot xmin are
/// returned: no transaction still running can hold a smaller sequence number (see
/// <c>reserve_event_sequence</c>), so the returned prefix is final.
/// </summary>
public sealed class ChangeFeed(NpgsqlDataSource dataSource, EventTypeRegistry registry, ChangeFeedChannel channel)
{
    /// <summary>How long a subscriber waits for a notification before looking anyway.</summary>
    public TimeSpan PollFallback { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Up to <paramref name="max"/> settled events with a sequence above <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadBatchAsync(long after, int max, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select seq, stream_id, version, event_type, data::text, metadata::text, created_at
            from events
            where seq > $1 and tx_id < pg_snapshot_xmin(pg_current_snapshot())
            order by seq
            limit $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        return await EventRows.ReadAllAsync(command, registry, ct);
    }

    /// <summary>
    /// Every event after <paramref name="after"/>, now and as they are appended, until cancelled.
    /// Appends NOTIFY on commit, which wakes the subscriber; a timed fallback covers a reader held
    /// back by some other long transaction.
    /// </summary>
    public async IAsyncEnumerable<RecordedEvent> SubscribeAsync(
        long after, int batchSize = 500, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var listener = await dataSource.OpenConnectionAsync(ct);
        await using (var listen = new NpgsqlCommand($"listen \"{channel.Name}\"", listener))
            await listen.ExecuteNonQueryAsync(ct);

        var position = after;
        while (!ct.IsCancellationRequested)
        {
            var batch = await ReadBatchAsync(position, batchSize, ct);
            foreach (var e in batch)
            {
                position = e.Sequence;
                yield return e;
            }
            if (batch.Count < batchSize && !await WaitForNotificationAsync(listener, ct))
                yield break;
        }
    }

    private async Task<bool> WaitForNotificationAsync(NpgsqlConnection listener, CancellationToken ct)
    {
        try
        {
            await listener.WaitAsync(PollFallback, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
