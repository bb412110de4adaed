using Microsoft.Extensions.DependencyInjection;
using MissionControl.Grains.Common;
using MissionControl.Runtime;
using MissionControl.Silo.Tests.TestGrains;

namespace MissionControl.Silo.Tests;

public sealed class SnapshotTests
{
    [Fact]
    public async Task Given_10000_event_stream_When_a_fresh_activation_loads_it_Then_it_reads_the_snapshot_and_only_the_tail()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var writer = cluster.Primary.Grains.GetGrain<ICounterGrain>("long");
        for (var i = 0; i < 100; i++)
            await writer.IncrementMany(100);
        await writer.Deactivate();
        // A tail written past the last snapshot by someone else.
        var store = cluster.Primary.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync("counter-long", 10_000,
            Enumerable.Range(1, 37).Select(i => (object)new CounterIncremented(10_000 + i, $"tail-{i}")).ToList(),
            EventMetadata.Empty);

        var counter = cluster.Primary.Grains.GetGrain<ICounterGrain>("long");
        var value = await counter.GetValue();
        var load = await counter.GetLoad();

        Assert.Equal(10_037, value);
        Assert.Equal(10_000, load.SnapshotVersion);
        Assert.Equal(37, load.EventsReplayed);
    }

    [Fact]
    public async Task Given_no_snapshot_yet_When_loading_Then_every_event_is_replayed()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var counter = cluster.Primary.Grains.GetGrain<ICounterGrain>("short");
        await counter.IncrementMany(42);
        await counter.Deactivate();

        var load = await counter.GetLoad();

        Assert.Equal(new StateLoad(0, 42), load);
    }
}
