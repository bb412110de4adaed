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
    /// <summary>Each append's result, or the conflict that kept its events out; in batch order.</summary>
    public async Task<IReadOnlyList<object>> WriteAsync(IReadOnlyList<PendingAppend> batch, CommitProgress progress)
    {
        var rounds = RoundsOf(batch);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();

        var (sequences, firstsWritten) = await AppendFirstsAsync(connection, tx, rounds[0], batch.Sum(a => a.Events.Count));
        var outcomes = new BatchOutcomes(batch.Count, sequences);
        outcomes.SettleAll(rounds[0], rounds[0].Select(r => outcomes.Take(r.Append.Events.Count)).ToList(), firstsWritten);
        foreach (var round in rounds.Skip(1))
        {
            var slices = round.Select(r => outcomes.Take(r.Append.Events.Count)).ToList();
            outcomes.SettleAll(round, slices, await AppendReservedAsync(connection, tx, round, slices));
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

        public void SettleAll(List<(PendingAppend Append, int Index)> round, List<long[]> sequences, bool[] written)
        {
            for (var i = 0; i < round.Count; i++)
                Settle(round[i], sequences[i], written[i]);
        }

        private void Settle((PendingAppend Append, int Index) entry, long[] sequences, bool wasWritten)
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

    // Each statement needs its streams distinct: the first append to each stream goes in the
    // first round, a second one (rare: a stale writer beside a fresh one) in the next, and so on.
    // Within a round streams go in stream-id order, so concurrent batches take their row locks in
    // the same order.
    private static List<List<(PendingAppend Append, int Index)>> RoundsOf(IReadOnlyList<PendingAppend> batch)
    {
        var rounds = new List<List<(PendingAppend Append, int Index)>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var round = seen[batch[i].StreamId] = seen.GetValueOrDefault(batch[i].StreamId) + 1;
            if (rounds.Count < round)
                rounds.Add([]);
            rounds[round - 1].Add((batch[i], i));
        }
        foreach (var round in rounds)
            round.Sort((a, b) => string.CompareOrdinal(a.Append.StreamId, b.Append.StreamId));
        return rounds;
    }

    private static async Task<(long[] Sequences, bool[] Written)> AppendFirstsAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, List<(PendingAppend Append, int Index)> round, int reserve)
    {
        await using var command = new NpgsqlCommand(
            "select reserved, written from append_to_streams($1, $2, $3, $4, $5, $6, $7, $8)", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = reserve });
        AddAppends(command, round);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<long[]>(0), reader.GetFieldValue<bool[]>(1));
    }

    private static async Task<bool[]> AppendReservedAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, List<(PendingAppend Append, int Index)> round, List<long[]> sequences)
    {
        await using var command = new NpgsqlCommand("select append_reserved($1, $2, $3, $4, $5, $6, $7, $8)", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = sequences.SelectMany(s => s).ToArray() });
        AddAppends(command, round);
        return (bool[])(await command.ExecuteScalarAsync())!;
    }

    // Parameters $2 to $8 of both functions: the appends as parallel arrays, events flattened.
    private static void AddAppends(NpgsqlCommand command, List<(PendingAppend Append, int Index)> round)
    {
        var appends = round.Select(r => r.Append).ToList();
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.StreamId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.StreamType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.ExpectedVersion).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.Events.Count).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.SelectMany(a => a.EventNames).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.SelectMany(a => a.EventData).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.MetadataJson).ToArray() });
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
