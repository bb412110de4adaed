using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using MissionControl.Silo.Tests.TestGrains;
using MissionControl.Testing;
using Npgsql;

namespace MissionControl.Silo.Tests;

/// <summary>
/// Appends queued while the event store's writer is busy share the next transaction. These tests
/// hold the single writer inside a transaction (a projection waits on a gate), queue appends
/// behind it, then release it, so the appends under test are known to share one transaction.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Given_appends_to_many_streams_queued_together_When_committed_Then_they_share_a_transaction_and_all_are_stored()
    {
        var gate = new GateProjection();
        await using var cluster = await StartAsync(gate);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        var held = await HoldWriterAsync(store, gate);

        var appends = Enumerable.Range(0, 20)
            .Select(i => store.AppendAsync($"many-{i}", 0, [new CounterIncremented(1, $"m{i}"), new CounterIncremented(2, $"n{i}")], EventMetadata.Empty))
            .ToList();
        gate.Release();
        await held;
        var results = await Task.WhenAll(appends);

        Assert.All(results, r => Assert.Equal(2, r.NewVersion));
        Assert.Equal(40, results.SelectMany(r => r.Sequences).Distinct().Count());
        Assert.Equal(1, await TransactionCountAsync(cluster.Database, Enumerable.Range(0, 20).Select(i => $"many-{i}")));
        var stored = await store.ReadStreamAsync("many-7", 0);
        Assert.Equal(["m7", "n7"], stored.Select(e => ((CounterIncremented)e.Data).CommandId));
        Assert.Equal(results[7].Sequences, stored.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Given_appends_with_their_own_metadata_and_event_counts_in_one_batch_When_committed_Then_each_stream_keeps_its_own()
    {
        var gate = new GateProjection();
        await using var cluster = await StartAsync(gate);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync("own-b", 0, [new CounterIncremented(1, "b1")], EventMetadata.Empty);
        var held = await HoldWriterAsync(store, gate);

        // Queued out of stream-id order, one new stream and one existing, with one, three and two events.
        var c = store.AppendAsync("own-c", 0, [new CounterIncremented(1, "c1")], new EventMetadata("user:c", "req-c"));
        var a = store.AppendAsync("own-a", 0,
            [new CounterIncremented(1, "a1"), new CounterIncremented(2, "a2"), new CounterIncremented(3, "a3")], new EventMetadata("user:a", "req-a"));
        var b = store.AppendAsync("own-b", 1, [new CounterIncremented(2, "b2"), new CounterIncremented(3, "b3")], new EventMetadata("agent:b", "req-b"));
        gate.Release();
        await held;
        await Task.WhenAll(a, b, c);

        foreach (var (stream, metadata, ids) in new[]
        {
            ("own-a", new EventMetadata("user:a", "req-a"), new[] { "a1", "a2", "a3" }),
            ("own-b", new EventMetadata("agent:b", "req-b"), new[] { "b2", "b3" }),
            ("own-c", new EventMetadata("user:c", "req-c"), new[] { "c1" }),
        })
        {
            var events = (await store.ReadStreamAsync(stream, 0)).Where(e => ((CounterIncremented)e.Data).CommandId != "b1").ToList();
            Assert.Equal(ids, events.Select(e => ((CounterIncremented)e.Data).CommandId));
            Assert.All(events, e => Assert.Equal(metadata, e.Metadata));
        }
        Assert.Equal([1L, 2L, 3L], (await store.ReadStreamAsync("own-a", 0)).Select(e => e.StreamVersion));
        Assert.Equal((await a).Sequences, (await store.ReadStreamAsync("own-a", 0)).Select(e => e.Sequence));
        Assert.Equal([2L, 3L], (await store.ReadStreamAsync("own-b", 1)).Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task Given_a_stale_append_in_a_batch_When_committed_Then_only_it_gets_a_conflict_and_the_others_are_stored()
    {
        var gate = new GateProjection();
        await using var cluster = await StartAsync(gate);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync("moved", 0, [new CounterIncremented(1, "first")], EventMetadata.Empty);
        await store.AppendAsync("moved", 1, [new CounterIncremented(2, "second")], EventMetadata.Empty);
        var held = await HoldWriterAsync(store, gate);

        var before = store.AppendAsync("fine-1", 0, [new CounterIncremented(1, "fine-1")], EventMetadata.Empty);
        var stale = store.AppendAsync("moved", 1, [new CounterIncremented(2, "stale")], EventMetadata.Empty);
        var after = store.AppendAsync("fine-2", 0, [new CounterIncremented(1, "fine-2")], EventMetadata.Empty);
        var freshTwin = store.AppendAsync("moved", 2, [new CounterIncremented(3, "fresh")], EventMetadata.Empty);
        gate.Release();
        await held;

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => stale);
        // The stream's version when the stale append was found out, before its fresh twin was written again.
        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(1, (await before).NewVersion);
        Assert.Equal(1, (await after).NewVersion);
        Assert.Equal(3, (await freshTwin).NewVersion);
        Assert.Equal(["first", "second", "fresh"], (await store.ReadStreamAsync("moved", 0)).Select(e => ((CounterIncremented)e.Data).CommandId));
        Assert.Equal(1, await TransactionCountAsync(cluster.Database, ["fine-1", "fine-2"]));
    }

    [Fact]
    public async Task Given_two_appends_for_one_stream_at_the_same_version_in_a_batch_When_committed_Then_the_first_wins_and_the_second_conflicts()
    {
        var gate = new GateProjection();
        await using var cluster = await StartAsync(gate);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        var held = await HoldWriterAsync(store, gate);

        var first = store.AppendAsync("twice", 0, [new CounterIncremented(1, "one")], EventMetadata.Empty);
        var second = store.AppendAsync("twice", 0, [new CounterIncremented(1, "two")], EventMetadata.Empty);
        gate.Release();
        await held;

        Assert.Equal(1, (await first).NewVersion);
        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => second);
        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(["one"], (await store.ReadStreamAsync("twice", 0)).Select(e => ((CounterIncremented)e.Data).CommandId));
    }

    [Fact]
    public async Task Given_a_batch_where_one_projection_fails_When_committed_Then_only_that_append_fails_and_the_others_are_stored_with_their_read_model()
    {
        var gate = new GateProjection();
        await using var cluster = await StartAsync(gate, silo => silo.AddProjection<CounterTotalsProjection>());
        await CounterTotalsProjection.CreateTableAsync(cluster.Database);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        var held = await HoldWriterAsync(store, gate);

        var good = Enumerable.Range(0, 5)
            .Select(i => store.AppendAsync($"good-{i}", 0, [new CounterIncremented(1, $"g{i}")], EventMetadata.Empty))
            .ToList();
        var poisoned = store.AppendAsync("poisoned", 0, [new CounterIncremented(1, CounterTotalsProjection.Poison)], EventMetadata.Empty);
        gate.Release();
        await held;

        await Assert.ThrowsAsync<PostgresException>(() => poisoned);
        Assert.All(await Task.WhenAll(good), r => Assert.Equal(1, r.NewVersion));
        Assert.Empty(await store.ReadStreamAsync("poisoned", 0));
        for (var i = 0; i < 5; i++)
            Assert.Equal(1L, await CounterTotalsProjection.ReadTotalAsync(cluster.Database, $"good-{i}"));
    }

    [Fact]
    public async Task Given_an_acknowledged_append_When_read_from_another_connection_Then_its_events_and_read_model_are_already_committed()
    {
        await using var cluster = await StartAsync(new GateProjection(), silo => silo.AddProjection<CounterTotalsProjection>());
        await CounterTotalsProjection.CreateTableAsync(cluster.Database);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();

        var appends = Enumerable.Range(0, 30)
            .Select(async i =>
            {
                await store.AppendAsync($"ack-{i}", 0, [new CounterIncremented(1, $"a{i}")], EventMetadata.Empty);
                return (await CounterTotalsProjection.ReadTotalAsync(cluster.Database, $"ack-{i}"), await StoredCountAsync(cluster.Database, $"ack-{i}"));
            });

        Assert.All(await Task.WhenAll(appends), seen => Assert.Equal((1L, 1L), seen));
    }

    [Fact]
    public async Task Given_projections_that_batch_some_events_and_apply_others_directly_When_a_batch_commits_Then_read_model_writes_keep_the_event_order()
    {
        var gate = new GateProjection();
        await using var cluster = await StartAsync(gate, silo => silo.AddProjection<WriteOrderProjection>());
        await WriteOrderProjection.CreateTableAsync(cluster.Database);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        var held = await HoldWriterAsync(store, gate);

        var appends = Enumerable.Range(0, 6)
            .Select(i => store.AppendAsync($"order-{i}", 0,
                [new CounterIncremented(1, $"o{i}-a"), new CounterIncremented(2, $"o{i}-b"), new CounterIncremented(3, $"o{i}-c")],
                EventMetadata.Empty))
            .ToList();
        gate.Release();
        await held;
        var sequences = (await Task.WhenAll(appends)).SelectMany(r => r.Sequences).ToList();

        var written = (await WriteOrderProjection.ReadOrderAsync(cluster.Database)).Where(sequences.Contains).ToList();
        Assert.Equal(18, written.Count);
        Assert.Equal(written.Order(), written);
        Assert.Equal(sequences.Order(), written);
        Assert.Equal(1, await TransactionCountAsync(cluster.Database, Enumerable.Range(0, 6).Select(i => $"order-{i}")));
    }

    private static Task<TestCluster> StartAsync(GateProjection gate, Action<Hosting.SiloBuilder>? more = null) =>
        SiloSetup.StartAsync(1, options: o => o.AppendWriters = 1, more: silo =>
        {
            silo.Services.AddSingleton<IInlineProjection>(gate);
            more?.Invoke(silo);
        });

    // Starts an append whose transaction stays open until the gate is released.
    private static async Task<Task<AppendResult>> HoldWriterAsync(IEventStore store, GateProjection gate)
    {
        var held = store.AppendAsync($"hold-{Guid.NewGuid():N}", 0, [new CounterIncremented(1, GateProjection.Hold)], EventMetadata.Empty);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        return held;
    }

    private static async Task<int> TransactionCountAsync(TestDatabase database, IEnumerable<string> streams)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select count(distinct xmin::text)::int from mt_events where stream_id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = streams.ToArray() });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> StoredCountAsync(TestDatabase database, string streamId)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select count(*) from mt_events where stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>Keeps the transaction of a "hold" event open until released.</summary>
public sealed class GateProjection : IInlineProjection
{
    public const string Hold = "hold";

    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public bool Handles(Type eventType) => eventType == typeof(CounterIncremented);

    public async Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct)
    {
        if (((CounterIncremented)recorded.Data).CommandId != Hold)
            return;
        _entered.TrySetResult();
        await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }
}

/// <summary>
/// Logs each event's sequence number in the order its write reaches the table: events with an
/// even value go through <see cref="IInlineProjection.TryBatch"/>, odd ones through ApplyAsync.
/// </summary>
public sealed class WriteOrderProjection : IInlineProjection
{
    private const string Insert = "insert into write_order (seq) values ($1)";

    public bool Handles(Type eventType) => eventType == typeof(CounterIncremented);

    public bool TryBatch(RecordedEvent recorded, ProjectionBatch batch)
    {
        if (((CounterIncremented)recorded.Data).NewValue % 2 != 0)
            return false;
        batch.Add(new NpgsqlBatchCommand(Insert) { Parameters = { new NpgsqlParameter { Value = recorded.Sequence } } });
        return true;
    }

    public async Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Insert, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = recorded.Sequence });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task CreateTableAsync(TestDatabase database)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("create table write_order (id bigserial primary key, seq bigint not null)");
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<IReadOnlyList<long>> ReadOrderAsync(TestDatabase database)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select seq from write_order order by id");
        await using var reader = await command.ExecuteReaderAsync();
        var order = new List<long>();
        while (await reader.ReadAsync())
            order.Add(reader.GetInt64(0));
        return order;
    }
}
