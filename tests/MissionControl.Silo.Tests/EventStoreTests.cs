using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using MissionControl.Silo.Tests.TestGrains;
using Npgsql;

namespace MissionControl.Silo.Tests;

public sealed class EventStoreTests
{
    [Fact]
    public async Task Given_events_appended_When_read_back_Then_order_data_and_metadata_survive()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        var metadata = new EventMetadata("user:ada", "req-1");

        var result = await store.AppendAsync("s-1", 0,
            [new CounterIncremented(1, "a"), new CounterIncremented(2, "b")], metadata);
        var events = await store.ReadStreamAsync("s-1", 0);

        Assert.Equal(2, result.NewVersion);
        Assert.Equal([1L, 2L], events.Select(e => e.StreamVersion));
        Assert.Equal(result.Sequences, events.Select(e => e.Sequence));
        Assert.Equal(new CounterIncremented(2, "b"), events[1].Data);
        Assert.Equal(metadata, events[0].Metadata);
        Assert.Single(await store.ReadStreamAsync("s-1", 1));
    }

    [Fact]
    public async Task Given_an_event_with_a_nul_character_When_appended_Then_it_is_stored_with_a_replacement_character()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();

        await store.AppendAsync("s-nul", 0, [new CounterIncremented(1, "gateway said a\0b")], EventMetadata.Empty);

        var stored = Assert.Single(await store.ReadStreamAsync("s-nul", 0));
        Assert.Equal("gateway said a\uFFFDb", ((CounterIncremented)stored.Data).CommandId);
    }

    [Fact]
    public async Task Given_stream_moved_When_appending_with_stale_version_Then_typed_conflict_and_nothing_written()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync("s-2", 0, [new CounterIncremented(1, "a")], EventMetadata.Empty);
        await store.AppendAsync("s-2", 1, [new CounterIncremented(2, "b")], EventMetadata.Empty);

        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.AppendAsync("s-2", 1, [new CounterIncremented(2, "c")], EventMetadata.Empty));
        var fresh = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.AppendAsync("s-2", 0, [new CounterIncremented(1, "d")], EventMetadata.Empty));

        Assert.Equal((1L, 2L), (stale.ExpectedVersion, stale.ActualVersion));
        Assert.Equal(2L, fresh.ActualVersion);
        Assert.Equal(["a", "b"], (await store.ReadStreamAsync("s-2", 0)).Select(e => ((CounterIncremented)e.Data).CommandId));
    }

    [Fact]
    public async Task Given_an_event_When_stored_Then_its_row_names_the_stable_event_name_not_the_clr_type()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync("s-3", 0, [new CounterIncremented(1, "a")], EventMetadata.Empty);

        await using var dataSource = cluster.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select type, data->>'commandId' from mt_events where stream_id = 's-3'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("test.counter-incremented", reader.GetString(0));
        Assert.Equal("a", reader.GetString(1));
    }

    [Fact]
    public async Task Given_inline_projection_When_append_commits_Then_read_model_is_updated_in_the_same_transaction()
    {
        await using var cluster = await SiloSetup.StartAsync(1, more: silo => silo.AddProjection<CounterTotalsProjection>());
        await CounterTotalsProjection.CreateTableAsync(cluster.Database);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();

        await store.AppendAsync("s-4", 0, [new CounterIncremented(1, "a"), new CounterIncremented(2, "b")], EventMetadata.Empty);

        Assert.Equal(2L, await CounterTotalsProjection.ReadTotalAsync(cluster.Database, "s-4"));
    }

    [Fact]
    public async Task Given_failing_projection_When_appending_Then_events_and_read_model_are_rolled_back()
    {
        await using var cluster = await SiloSetup.StartAsync(1, more: silo => silo.AddProjection<CounterTotalsProjection>());
        await CounterTotalsProjection.CreateTableAsync(cluster.Database);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync("s-5", 0, [new CounterIncremented(1, "a")], EventMetadata.Empty);

        await Assert.ThrowsAsync<PostgresException>(() =>
            store.AppendAsync("s-5", 1, [new CounterIncremented(2, CounterTotalsProjection.Poison)], EventMetadata.Empty));

        Assert.Single(await store.ReadStreamAsync("s-5", 0));
        Assert.Equal(1L, await CounterTotalsProjection.ReadTotalAsync(cluster.Database, "s-5"));
        await store.AppendAsync("s-5", 1, [new CounterIncremented(2, "b")], EventMetadata.Empty);
    }
}

/// <summary>A read model counting events per stream; a poisoned event makes it fail.</summary>
public sealed class CounterTotalsProjection : IInlineProjection
{
    public const string Poison = "poison";

    public bool Handles(Type eventType) => eventType == typeof(CounterIncremented);

    public async Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct)
    {
        var sql = ((CounterIncremented)recorded.Data).CommandId == Poison
            ? "select 1 / 0"
            : "insert into counter_totals values ($1, 1) on conflict (stream_id) do update set total = counter_totals.total + 1";
        await using var command = new NpgsqlCommand(sql, connection);
        if (!sql.StartsWith("select", StringComparison.Ordinal))
            command.Parameters.Add(new NpgsqlParameter { Value = recorded.StreamId });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task CreateTableAsync(Testing.TestDatabase database)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("create table counter_totals (stream_id text primary key, total bigint not null)");
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ReadTotalAsync(Testing.TestDatabase database, string streamId)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select total from counter_totals where stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
