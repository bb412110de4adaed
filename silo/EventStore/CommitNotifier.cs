using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// Wakes change-feed subscribers after appends commit. A NOTIFY inside the append's transaction
/// would make every committing append queue on PostgreSQL's notification lock through its WAL
/// flush, one at a time; sent afterwards, in a transaction of its own that needs no flush, one
/// NOTIFY covers every commit since the last. Subscribers never rely on it for correctness
/// (<see cref="ChangeFeed"/> reads settled events and also polls), so a NOTIFY lost with a
/// crashed process only delays them by the poll interval.
/// </summary>
internal sealed class CommitNotifier(NpgsqlDataSource dataSource, ChangeFeedChannel channel)
{
    private int _requested;
    private int _running;

    /// <summary>Asks for a NOTIFY; coalesces with one already on its way.</summary>
    public void Signal()
    {
        Volatile.Write(ref _requested, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
            _ = Task.Run(DrainAsync);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            while (Interlocked.Exchange(ref _requested, 0) == 1)
                await NotifyQuietlyAsync();
            Volatile.Write(ref _running, 0);
            // A signal that arrived after the last NOTIFY started and before we stopped running.
            if (Volatile.Read(ref _requested) == 0 || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
                return;
        }
    }

    private async Task NotifyQuietlyAsync()
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, tx)
            {
                BatchCommands =
                {
                    // Only a wake-up call: not worth waiting for a disk flush.
                    new NpgsqlBatchCommand("set local synchronous_commit = off"),
                    new NpgsqlBatchCommand("select pg_notify($1, '')") { Parameters = { new NpgsqlParameter { Value = channel.Name } } },
                },
            };
            await batch.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
        catch (Exception)
        {
            // Subscribers poll as well; a missed wake-up only delays them.
        }
    }
}
