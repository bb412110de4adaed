using System.Text.Json;
using Marten;
using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// The event store on Marten. Appends are group-committed (<see cref="AppendBatcher"/>):
/// concurrent appends from many grains share one Marten session and one transaction, each still
/// checked against its own stream's expected version.
/// </summary>
public sealed class MartenEventStore : IEventStore, IAsyncDisposable, IDisposable
{
    private readonly IDocumentStore _store;
    private readonly AppendBatcher _batcher;

    public MartenEventStore(
        NpgsqlDataSource dataSource, IDocumentStore store, IEnumerable<IInlineProjection> projections, EventStoreOptions options)
    {
        _store = store;
        var transaction = new AppendTransaction(dataSource, store, projections.ToArray());
        _batcher = new AppendBatcher(transaction, new StaleAppends(dataSource), options.AppendWriters, options.MaxAppendBatch);
    }

    /// <summary>
    /// Completes once the events are committed. Cancelling stops an append only before it is
    /// queued; once queued it shares a transaction with others and is written or refused with them.
    /// </summary>
    public Task<AppendResult> AppendAsync(
        string streamId, long expectedVersion,
        IReadOnlyList<object> events, EventMetadata metadata, CancellationToken ct = default)
    {
        if (events.Count == 0)
            return Task.FromResult(new AppendResult(expectedVersion, []));
        ct.ThrowIfCancellationRequested();
        return _batcher.AppendAsync(new PendingAppend(streamId, expectedVersion, events, metadata));
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long afterVersion, CancellationToken ct = default)
    {
        await using var session = _store.QuerySession();
        return (await session.Events.FetchStreamAsync(streamId, fromVersion: afterVersion + 1, token: ct)).ToRecorded();
    }

    // Versions run 1..N without gaps, so a page is a version range and the total is the stream's version.
    public async Task<StreamPage> ReadStreamPageAsync(string streamId, long skip, int limit, CancellationToken ct = default)
    {
        await using var session = _store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(streamId, ct);
        if (state is null || state.Version <= skip)
            return new StreamPage([], state?.Version ?? 0);
        var events = await session.Events.FetchStreamAsync(streamId, version: skip + limit, fromVersion: skip + 1, token: ct);
        return new StreamPage(events.ToRecorded(), state.Version);
    }

    public async Task<Snapshot<TState>?> ReadSnapshotAsync<TState>(string streamId, int schemaVersion, CancellationToken ct = default)
    {
        await using var session = _store.QuerySession();
        var snapshot = await session.LoadAsync<GrainSnapshot>(streamId, ct);
        return snapshot is null || snapshot.SchemaVersion != schemaVersion
            ? null
            : new Snapshot<TState>(snapshot.Version, snapshot.State.Deserialize<TState>(EventTypeRegistry.JsonOptions)!);
    }

    // One activation per grain writes its stream's snapshots, always at a later version than the
    // last; should a stale activation overwrite a newer one, loading just replays a longer tail.
    public async Task WriteSnapshotAsync<TState>(string streamId, int schemaVersion, Snapshot<TState> snapshot, CancellationToken ct = default)
    {
        await using var session = _store.LightweightSession();
        session.Store(new GrainSnapshot
        {
            Id = streamId,
            Version = snapshot.Version,
            SchemaVersion = schemaVersion,
            State = JsonSerializer.SerializeToElement(snapshot.State, EventTypeRegistry.JsonOptions),
        });
        await session.SaveChangesAsync(ct);
    }

    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    public void Dispose() => _batcher.Dispose();
}
