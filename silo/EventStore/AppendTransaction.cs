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
/// statement (<c>append_to_streams</c>) reserves the sequence numbers of all of them and appends
/// them, each stream checked against its own expected version, then the inline projections run
/// and it commits. A stale append is left out and reported as a conflict; the others are
/// unaffected by it.
/// </summary>
/// <remarks>
/// The numbers are reserved once, as the transaction's first write, so it keeps the rule the
/// change feed relies on (see <c>reserve_event_sequence</c>): transaction-id order equals sequence
/// order. Appends are sent in stream-id order, so batches written concurrently (by this silo's
/// writers or by other silos) lock shared stream rows in the same order. Should the server still
/// pick another order and two batches deadlock, it aborts one before COMMIT, and
/// <see cref="AppendBatcher"/> writes that batch's appends again one by one.
/// </remarks>
internal sealed class AppendTransaction(NpgsqlDataSource dataSource, IInlineProjection[] projections)
{
    // For a further append to a stream the batch already appended to. Each statement inserts the
    // events only if it moved (or created) the stream row: the number of rows it inserts tells
    // success from a stale expected version.
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
        var (firsts, repeats) = SplitRepeatedStreams(batch);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();

        var (sequences, firstsWritten) = await AppendFirstsAsync(connection, tx, firsts, batch.Sum(a => a.Events.Count));
        var outcomes = new BatchOutcomes(batch.Count, sequences);
        for (var i = 0; i < firsts.Count; i++)
            outcomes.Settle(firsts[i], outcomes.Take(firsts[i].Append.Events.Count), firstsWritten[i]);
        if (repeats.Count > 0)
        {
            var slices = repeats.Select(r => outcomes.Take(r.Append.Events.Count)).ToList();
            var repeatsWritten = await AppendRepeatsAsync(connection, tx, repeats, slices);
            for (var i = 0; i < repeats.Count; i++)
                outcomes.Settle(repeats[i], slices[i], repeatsWritten[i]);
        }

        await ReportConflictsAsync(connection, outcomes.Stale, outcomes.Results);
        await ProjectAsync(connection, tx, outcomes.Written);
        progress.Committing = true;
        await tx.CommitAsync();
        return outcomes.Results;
    }

    /// <summary>What became of a batch's appends, as the statements tell it.</summary>
    private sealed class BatchOutcomes(int count, long[] reserved)
    {
        private int _used;

        /// <summary>Per append, in batch order: its result, or (once reported) its conflict.</summary>
        public object[] Results { get; } = new object[count];

        public List<(PendingAppend Append, AppendResult Result)> Written { get; } = [];

        public List<(PendingAppend Append, int Index)> Stale { get; } = [];

        /// <summary>The next numbers of the reservation, used in the order the appends were sent.</summary>
        public long[] Take(int numbers)
        {
            var slice = reserved[_used..(_used + numbers)];
            _used += numbers;
            return slice;
        }

        public void Settle((PendingAppend Append, int Index) entry, long[] sequences, bool wasWritten)
        {
            if (!wasWritten)
            {
                Stale.Add(entry);
                return;
            }
            var result = new AppendResult(entry.Append.ExpectedVersion + entry.Append.Events.Count, sequences);
            Results[entry.Index] = result;
            Written.Add((entry.Append, result));
        }
    }

    // The first append to each stream goes into the one set-based statement (which needs its
    // streams distinct), in stream-id order so concurrent batches take their row locks in the
    // same order; a second append to the same stream in one batch follows it on its own.
    private static (List<(PendingAppend Append, int Index)> Firsts, List<(PendingAppend Append, int Index)> Repeats)
        SplitRepeatedStreams(IReadOnlyList<PendingAppend> batch)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firsts = new List<(PendingAppend, int)>(batch.Count);
        var repeats = new List<(PendingAppend, int)>();
        for (var i = 0; i < batch.Count; i++)
            (seen.Add(batch[i].StreamId) ? firsts : repeats).Add((batch[i], i));
        firsts.Sort((a, b) => string.CompareOrdinal(a.Item1.StreamId, b.Item1.StreamId));
        return (firsts, repeats);
    }

    private static async Task<(long[] Sequences, bool[] Written)> AppendFirstsAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, List<(PendingAppend Append, int Index)> firsts, int reserve)
    {
        var appends = firsts.Select(f => f.Append).ToList();
        await using var command = new NpgsqlCommand(
            "select reserved, written from append_to_streams($1, $2, $3, $4, $5, $6, $7, $8)", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = reserve });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.StreamId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.StreamType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.ExpectedVersion).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.Events.Count).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.SelectMany(a => a.EventNames).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.SelectMany(a => a.EventData).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.MetadataJson).ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<long[]>(0), reader.GetFieldValue<bool[]>(1));
    }

    private static async Task<bool[]> AppendRepeatsAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, List<(PendingAppend Append, int Index)> repeats, List<long[]> slices)
    {
        await using var appends = new NpgsqlBatch(connection, tx);
        for (var i = 0; i < repeats.Count; i++)
            appends.BatchCommands.Add(Command(repeats[i].Append, slices[i]));
        await appends.ExecuteNonQueryAsync();
        return repeats.Select((r, i) => appends.BatchCommands[i].RecordsAffected == r.Append.Events.Count).ToArray();
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
        var gathered = new ProjectionBatch();
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

    private static async Task SendAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ProjectionBatch gathered)
    {
        if (gathered.IsEmpty)
            return;
        await using var batch = new NpgsqlBatch(connection, tx);
        gathered.MoveTo(batch);
        await batch.ExecuteNonQueryAsync();
    }
}
