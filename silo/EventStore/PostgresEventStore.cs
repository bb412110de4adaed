using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// The event store on PostgreSQL; see <c>Migrations/0001_event_store.sql</c> for the guarantees.
/// Appends are group-committed (<see cref="AppendBatcher"/>): concurrent appends share a
/// transaction, each still checked against its own stream's expected version.
/// </summary>
public sealed class PostgresEventStore(
    NpgsqlDataSource dataSource,
    EventTypeRegistry registry,
    IEnumerable<IInlineProjection> projections,
    ChangeFeedChannel channel,
    EventStoreOptions options) : IEventStore, IAsyncDisposable, IDisposable
{
    private readonly AppendBatcher _batcher = new(
        new AppendTransaction(dataSource, projections.ToArray()),
        new CommitNotifier(dataSource, channel),
        options.AppendWriters,
        options.MaxAppendBatch);

    /// <summary>
    /// Completes once the events are committed. Cancelling stops an append only before it is
    /// queued; once queued it shares a transaction with others and is written or refused with them.
    /// </summary>
    public Task<AppendResult> AppendAsync(
        string streamId, string streamType, long expectedVersion,
        IReadOnlyList<object> events, EventMetadata metadata, CancellationToken ct = default)
    {
        if (events.Count == 0)
            return Task.FromResult(new AppendResult(expectedVersion, []));
        ct.ThrowIfCancellationRequested();
        var names = events.Select(e => registry.NameOf(e.GetType())).ToArray();
        var data = events.Select(registry.Serialize).ToArray();
        var metadataJson = System.Text.Json.JsonSerializer.Serialize(metadata, EventTypeRegistry.JsonOptions);
        return _batcher.AppendAsync(new PendingAppend(streamId, streamType, expectedVersion, events, names, data, metadata, metadataJson));
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long afterVersion, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select seq, stream_id, version, event_type, data::text, metadata::text, created_at
            from events where stream_id = $1 and version > $2 order by version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = afterVersion });
        return await EventRows.ReadAllAsync(command, registry, ct);
    }

    // Versions run 1..N without gaps, so a page is a version range and the total is the stream's version.
    public async Task<StreamPage> ReadStreamPageAsync(string streamId, long skip, int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select seq, stream_id, version, event_type, data::text, metadata::text, created_at
            from events where stream_id = $1 and version > $2 and version <= $3 order by version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = skip });
        command.Parameters.Add(new NpgsqlParameter { Value = skip + limit });
        var events = await EventRows.ReadAllAsync(command, registry, ct);
        await using var version = dataSource.CreateCommand("select version from streams where stream_id = $1");
        version.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return new StreamPage(events, await version.ExecuteScalarAsync(ct) is long total ? total : 0);
    }

    public async Task<Snapshot<TState>?> ReadSnapshotAsync<TState>(string streamId, int schemaVersion, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "select version, state::text from snapshots where stream_id = $1 and schema_version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = schemaVersion });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        var state = System.Text.Json.JsonSerializer.Deserialize<TState>(reader.GetString(1), EventTypeRegistry.JsonOptions)!;
        return new Snapshot<TState>(reader.GetInt64(0), state);
    }

    public async Task WriteSnapshotAsync<TState>(string streamId, int schemaVersion, Snapshot<TState> snapshot, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            insert into snapshots (stream_id, version, schema_version, state) values ($1, $2, $3, $4::jsonb)
            on conflict (stream_id) do update
              set version = excluded.version, schema_version = excluded.schema_version,
                  state = excluded.state, updated_at = now()
              where snapshots.version < excluded.version or snapshots.schema_version <> excluded.schema_version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = snapshot.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = schemaVersion });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = System.Text.Json.JsonSerializer.Serialize(snapshot.State, EventTypeRegistry.JsonOptions),
        });
        await command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    public void Dispose() => _batcher.Dispose();
}
