using JasperFx.Events;
using Marten;
using Marten.Services;
using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>Set just before COMMIT is sent: from then on the outcome of the batch is unknown if it fails.</summary>
internal sealed class CommitProgress
{
    public bool Committing { get; set; }
}

/// <summary>
/// Writes a batch of appends, to different streams or the same one, in one transaction: a Marten
/// session enlisted in it appends every stream's events with its expected version, our inline
/// projections write their read models on the same connection, then it commits. Any failure
/// (one stream's conflict included) leaves the whole transaction unwritten; the batcher sorts out
/// which append was at fault.
/// </summary>
/// <remarks>
/// The projections are our SQL on relational tables rather than Marten projections: the reads
/// they serve are joins, filters and pages over rows, and a batch's heartbeats collapse into one
/// set-based update, which per-event document projections cannot do. Enlisting both in one
/// transaction keeps the rule that a read after a successful write sees it, and that a projection
/// which fails takes its events with it.
/// </remarks>
internal sealed class AppendTransaction(NpgsqlDataSource dataSource, IDocumentStore store, IInlineProjection[] projections)
{
    public async Task<IReadOnlyList<AppendResult>> WriteAsync(IReadOnlyList<PendingAppend> batch, CommitProgress progress)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var stored = new IEvent[batch.Count][];
        var rounds = RoundsOf(batch);
        // A session holds one pending action per stream, so a second append to a stream already in
        // the batch (a stale writer beside a fresh one, rarely) goes in a session of its own.
        foreach (var round in rounds)
        {
            await using var session = store.LightweightSession(SessionOptions.ForTransaction(tx));
            foreach (var index in round)
                stored[index] = Append(session, batch[index]);
            await session.SaveChangesAsync();
        }
        await ProjectAsync(connection, tx, rounds.SelectMany(round => round).Select(index => stored[index]));
        progress.Committing = true;
        await tx.CommitAsync();
        return stored.Select((events, i) => new AppendResult(batch[i].ExpectedVersion + events.Length, events.Select(e => e.Sequence).ToArray())).ToList();
    }

    private static IEvent[] Append(IDocumentSession session, PendingAppend append)
    {
        var events = append.Events.Select(data =>
        {
            var stored = session.Events.BuildEvent(data);
            stored.CausationId = append.Metadata.CausedBy;
            stored.CorrelationId = append.Metadata.CorrelationId;
            return stored;
        }).ToArray();
        // Marten's expected version is the stream's version once these events are in.
        session.Events.Append(append.StreamId, append.ExpectedVersion + events.Length, events);
        return events;
    }

    private static List<List<int>> RoundsOf(IReadOnlyList<PendingAppend> batch)
    {
        var rounds = new List<List<int>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var round = seen[batch[i].StreamId] = seen.GetValueOrDefault(batch[i].StreamId) + 1;
            if (rounds.Count < round)
                rounds.Add([]);
            rounds[round - 1].Add(i);
        }
        // In stream-id order, so batches written at once (by this silo's writers or by other
        // silos) take the locks of rows they share in the same order; should the server still
        // find a deadlock, it aborts one batch before its commit and its appends are written again.
        foreach (var round in rounds)
            round.Sort((a, b) => string.CompareOrdinal(batch[a].StreamId, batch[b].StreamId));
        return rounds;
    }

    // Events are projected in the order they were appended. Work a projection can hand over as
    // commands is gathered and sent in one round trip, before any projection that needs the
    // connection itself runs, so the order of writes is kept.
    private async Task ProjectAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<IEvent[]> stored)
    {
        if (projections.Length == 0)
            return;
        var gathered = new ProjectionBatch();
        foreach (var recorded in stored.SelectMany(events => events).Select(e => e.ToRecorded()))
        {
            foreach (var projection in projections)
            {
                if (!projection.Handles(recorded.Data.GetType()) || projection.TryBatch(recorded, gathered))
                    continue;
                await SendAsync(connection, tx, gathered);
                await projection.ApplyAsync(connection, recorded, CancellationToken.None);
            }
        }
        await SendAsync(connection, tx, gathered);
    }

    private static async Task SendAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ProjectionBatch gathered)
    {
        if (gathered.IsEmpty)
            return;
        await using var batch = new NpgsqlBatch(connection, tx);
        gathered.MoveTo(batch);
        await batch.ExecuteNonQueryAsync();
    }
}
