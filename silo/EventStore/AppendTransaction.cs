using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>Set just before COMMIT is sent: from then on the outcome of the batch is unknown if it fails.</summary>
internal sealed class CommitProgress
{
    public bool Committing { get; set; }
}

/// <summary>
/// Writes a batch of appends, to different streams or the same one, in one transaction: one
/// round trip reserves the sequence numbers of all of them, one more appends them, each stream
/// checked against its own expected version, then the inline projections run and it commits.
/// A stale append is left out and reported as a conflict; the others are unaffected by it.
/// </summary>
/// <remarks>
/// The numbers are reserved once, as the transaction's first write, so it keeps the rule the
/// change feed relies on (see <c>reserve_event_sequence</c>): transaction-id order equals sequence
/// order. Appends lock their stream rows in stream-id order, so batches written concurrently
/// (by this silo's writers or by other silos) cannot deadlock over streams.
/// </remarks>
internal sealed class AppendTransaction(NpgsqlDataSource dataSource, IInlineProjection[] projections)
{
    // Each statement inserts the events only if it moved (or created) the stream row: the number
    // of rows it inserts tells success from a stale expected version.
    private const string AppendToExisting = """
        with moved as (
            update streams set version = $2 + $3, updated_at = now()
            where stream_id = $1 and version = $2
            returning 1)
        insert into events (seq, stream_id, version, event_type, data, metadata)
        select u.seq, $1, $2 + u.ord, u.event_type, u.data::jsonb, $7::jsonb
        from unnest($4::bigint[], $5::text[], $6::text[]) with ordinality as u(seq, event_type, data, ord)
        where exists (select 1 from moved)
        """;

    private const string AppendToNew = """
        with created as (
            insert into streams (stream_id, stream_type, version) values ($1, $2, $3)
            on conflict (stream_id) do nothing
            returning 1)
        insert into events (seq, stream_id, version, event_type, data, metadata)
        select u.seq, $1, u.ord, u.event_type, u.data::jsonb, $7::jsonb
        from unnest($4::bigint[], $5::text[], $6::text[]) with ordinality as u(seq, event_type, data, ord)
        where exists (select 1 from created)
        """;

    /// <summary>Each append's result, or the conflict that kept its events out; in batch order.</summary>
    public async Task<IReadOnlyList<object>> WriteAsync(IReadOnlyList<PendingAppend> batch, CommitProgress progress)
    {
        var ordered = batch.Select((append, index) => (append, index)).OrderBy(p => p.append.StreamId, StringComparer.Ordinal).ToList();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var sequences = await ReserveAsync(connection, tx, batch.Sum(a => a.Events.Count));

        var outcomes = new object[batch.Count];
        var written = new List<(PendingAppend Append, AppendResult Result)>();
        var stale = new List<(PendingAppend Append, int Index)>();
        await using (var appends = new NpgsqlBatch(connection, tx))
        {
            var next = 0;
            var slices = new List<long[]>();
            foreach (var (append, _) in ordered)
            {
                var slice = sequences[next..(next + append.Events.Count)];
                next += append.Events.Count;
                slices.Add(slice);
                appends.BatchCommands.Add(Command(append, slice));
            }
            await appends.ExecuteNonQueryAsync();
            for (var i = 0; i < ordered.Count; i++)
            {
                var (append, index) = ordered[i];
                if (appends.BatchCommands[i].RecordsAffected == append.Events.Count)
                {
                    var result = new AppendResult(append.ExpectedVersion + append.Events.Count, slices[i]);
                    outcomes[index] = result;
                    written.Add((append, result));
                }
                else
                {
                    stale.Add((append, index));
                }
            }
        }

        await ReportConflictsAsync(connection, stale, outcomes);
        await ProjectAsync(connection, tx, written);
        progress.Committing = true;
        await tx.CommitAsync();
        return outcomes;
    }

    private static async Task<long[]> ReserveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int count)
    {
        await using var command = new NpgsqlCommand("select reserve_event_sequence($1)", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        return (long[])(await command.ExecuteScalarAsync())!;
    }

    private static NpgsqlBatchCommand Command(PendingAppend append, long[] sequences)
    {
        var isNew = append.ExpectedVersion == 0;
        var command = new NpgsqlBatchCommand(isNew ? AppendToNew : AppendToExisting);
        command.Parameters.Add(new NpgsqlParameter { Value = append.StreamId });
        if (isNew)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = append.StreamType });
            command.Parameters.Add(new NpgsqlParameter { Value = (long)append.Events.Count });
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter { Value = append.ExpectedVersion });
            command.Parameters.Add(new NpgsqlParameter { Value = (long)append.Events.Count });
        }
        command.Parameters.Add(new NpgsqlParameter { Value = sequences });
        command.Parameters.Add(new NpgsqlParameter { Value = append.EventNames });
        command.Parameters.Add(new NpgsqlParameter { Value = append.EventData });
        command.Parameters.Add(new NpgsqlParameter { Value = append.MetadataJson });
        return command;
    }

    // The version a stale writer should catch up to; 0 when the stream does not exist.
    private static async Task ReportConflictsAsync(
        NpgsqlConnection connection, List<(PendingAppend Append, int Index)> stale, object[] outcomes)
    {
        if (stale.Count == 0)
            return;
        await using var command = new NpgsqlCommand("select stream_id, version from streams where stream_id = any($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = stale.Select(s => s.Append.StreamId).Distinct().ToArray() });
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                versions[reader.GetString(0)] = reader.GetInt64(1);
        }
        foreach (var (append, index) in stale)
            outcomes[index] = new ConcurrencyException(append.StreamId, append.ExpectedVersion, versions.GetValueOrDefault(append.StreamId));
    }

    // Events are projected in the order they were appended. Work a projection can hand over as
    // commands is gathered and sent in one round trip, before any projection that needs the
    // connection itself runs, so the order of writes is kept.
    private async Task ProjectAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, List<(PendingAppend Append, AppendResult Result)> written)
    {
        if (projections.Length == 0)
            return;
        var now = DateTimeOffset.UtcNow;
        var gathered = new List<NpgsqlBatchCommand>();
        foreach (var (append, result) in written)
        {
            for (var i = 0; i < append.Events.Count; i++)
            {
                var recorded = new RecordedEvent(
                    result.Sequences[i], append.StreamId, append.ExpectedVersion + i + 1,
                    append.EventNames[i], append.Events[i], append.Metadata, now);
                foreach (var projection in projections)
                {
                    if (!projection.Handles(append.Events[i].GetType()) || projection.TryBatch(recorded, gathered))
                        continue;
                    await SendAsync(connection, tx, gathered);
                    await projection.ApplyAsync(connection, recorded, CancellationToken.None);
                }
            }
        }
        await SendAsync(connection, tx, gathered);
    }

    private static async Task SendAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<NpgsqlBatchCommand> commands)
    {
        if (commands.Count == 0)
            return;
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var command in commands)
            batch.BatchCommands.Add(command);
        commands.Clear();
        await batch.ExecuteNonQueryAsync();
    }
}
