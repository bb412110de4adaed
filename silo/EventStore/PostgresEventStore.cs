using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>The event store on PostgreSQL; see <c>Migrations/0001_event_store.sql</c> for the guarantees.</summary>
public sealed class PostgresEventStore(
    NpgsqlDataSource dataSource,
    EventTypeRegistry registry,
    IEnumerable<IInlineProjection> projections,
    ChangeFeedChannel channel) : IEventStore
{
    private readonly IInlineProjection[] _projections = projections.ToArray();

    public async Task<AppendResult> AppendAsync(
        string streamId, string streamType, long expectedVersion,
        IReadOnlyList<object> events, EventMetadata metadata, CancellationToken ct = default)
    {
        if (events.Count == 0)
            return new AppendResult(expectedVersion, []);
        var names = events.Select(e => registry.NameOf(e.GetType())).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var result = await CallAppendAsync(connection, streamId, streamType, expectedVersion, names, events, metadata, ct);
        await ProjectAsync(connection, streamId, expectedVersion, names, events, metadata, result, ct);
        await tx.CommitAsync(ct);
        return result;
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

    private async Task<AppendResult> CallAppendAsync(
        NpgsqlConnection connection, string streamId, string streamType, long expectedVersion,
        string[] names, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken ct)
    {
        var metadataJson = System.Text.Json.JsonSerializer.Serialize(metadata, EventTypeRegistry.JsonOptions);
        await using var command = new NpgsqlCommand("select new_version, sequences from append_events($1, $2, $3, $4, $5, $6, $7)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = streamType });
        command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = names });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(registry.Serialize).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = Enumerable.Repeat(metadataJson, events.Count).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = channel.Name });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var version = reader.GetInt64(0);
        if (reader.IsDBNull(1))
            throw new ConcurrencyException(streamId, expectedVersion, version);
        return new AppendResult(version, reader.GetFieldValue<long[]>(1));
    }

    private async Task ProjectAsync(
        NpgsqlConnection connection, string streamId, long expectedVersion, string[] names,
        IReadOnlyList<object> events, EventMetadata metadata, AppendResult result, CancellationToken ct)
    {
        if (_projections.Length == 0)
            return;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < events.Count; i++)
        {
            var recorded = new RecordedEvent(
                result.Sequences[i], streamId, expectedVersion + i + 1,
                names[i], events[i], metadata, now);
            foreach (var projection in _projections.Where(p => p.Handles(events[i].GetType())))
                await projection.ApplyAsync(connection, recorded, ct);
        }
    }
}
