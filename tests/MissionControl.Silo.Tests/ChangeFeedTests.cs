using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using MissionControl.Silo.Tests.TestGrains;
using MissionControl.Testing;
using Npgsql;

namespace MissionControl.Silo.Tests;

public sealed class ChangeFeedTests
{
    [Fact]
    public async Task Given_8_writers_committing_out_of_sequence_order_When_a_consumer_follows_the_feed_Then_it_gets_every_event_once_in_order()
    {
        await using var cluster = await SiloSetup.StartAsync(1, more: silo => silo.AddProjection<CommitDelayProjection>());
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        var feed = cluster.Primary.Services.GetRequiredService<ChangeFeed>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var received = new List<long>();
        var consumer = Task.Run(async () =>
        {
            await foreach (var e in feed.SubscribeAsync(0, batchSize: 50, stop.Token))
            {
                received.Add(e.Sequence);
                if (received.Count == 400)
                    return;
            }
        });

        var commitOrder = new ConcurrentQueue<long>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => WriteAsync(store, $"writer-{w}", 50, commitOrder)));
        await consumer.WaitAsync(stop.Token);

        var committed = commitOrder.ToArray();
        Assert.True(CountInversions(committed) > 0, "the writers never committed out of sequence order, so nothing was tested");
        Assert.Equal(committed.Order(), received);
    }

    [Fact]
    public async Task Given_a_transaction_still_open_When_reading_a_batch_Then_later_commits_are_held_back_until_it_settles()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        var feed = cluster.Primary.Services.GetRequiredService<ChangeFeed>();
        await using var dataSource = cluster.Database.CreateDataSource();

        // An append that has reserved its sequence number but not committed yet.
        await using var slow = await dataSource.OpenConnectionAsync();
        await using var tx = await slow.BeginTransactionAsync();
        await using (var append = new NpgsqlCommand(
            "select * from append_to_streams(1, array['slow'], array['test'], array[0]::bigint[], array[1], array['test.counter-incremented'], array['{\"newValue\":1,\"commandId\":\"slow\"}'], array['{}'])", slow, tx))
            await append.ExecuteNonQueryAsync();
        var fast = await store.AppendAsync("fast", "test", 0, [new CounterIncremented(1, "fast")], EventMetadata.Empty);

        var whileOpen = await feed.ReadBatchAsync(0, 100);
        await tx.CommitAsync();
        // Any older transaction anywhere in the server holds the feed back too (other test runs
        // share it), so "after the commit" means once those have settled as well.
        IReadOnlyList<RecordedEvent> afterCommit = [];
        await Eventually.WaitUntil(async () => (afterCommit = await feed.ReadBatchAsync(0, 100)).Count == 2,
            TimeSpan.FromSeconds(30), "both appends are released once the open transaction commits");

        Assert.Empty(whileOpen);
        Assert.Equal(["slow", "fast"], afterCommit.Select(e => e.StreamId));
        Assert.Equal(fast.Sequences[0], afterCommit[1].Sequence);
    }

    [Fact]
    public async Task Given_a_checkpoint_When_written_and_read_Then_the_consumer_resumes_there()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var checkpoints = cluster.Primary.Services.GetRequiredService<CheckpointStore>();

        Assert.Equal(0, await checkpoints.ReadAsync("sse"));
        await checkpoints.WriteAsync("sse", 41);
        await checkpoints.WriteAsync("sse", 42);

        Assert.Equal(42, await checkpoints.ReadAsync("sse"));
    }

    private static async Task WriteAsync(IEventStore store, string stream, int count, ConcurrentQueue<long> commitOrder)
    {
        for (var version = 0; version < count; version++)
        {
            var result = await store.AppendAsync(stream, "test", version,
                [new CounterIncremented(version + 1, $"{stream}-{version}")], EventMetadata.Empty);
            commitOrder.Enqueue(result.Sequences[0]);
        }
    }

    private static int CountInversions(long[] sequence) =>
        sequence.Select((value, i) => sequence.Skip(i + 1).Count(later => later < value)).Sum();
}

/// <summary>Holds each append's transaction open for a random moment, so commits overtake each other.</summary>
public sealed class CommitDelayProjection : IInlineProjection
{
    public bool Handles(Type eventType) => true;

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) =>
        Task.Delay(Random.Shared.Next(0, 15), ct);
}
