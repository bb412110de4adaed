using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.Tests.TestGrains;

namespace MissionControl.Silo.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Given_three_silos_When_200_commands_to_one_grain_arrive_through_all_of_them_at_once_Then_200_events_without_gaps_or_lost_updates()
    {
        await using var cluster = await SiloSetup.StartAsync(3);
        var commands = Enumerable.Range(0, 200)
            .Select(i => cluster.Silos[i % 3].Grains.GetGrain<ICounterGrain>("shared").Increment($"c{i}"))
            .ToList();

        var acknowledged = await Task.WhenAll(commands);

        var events = await cluster.Primary.Services.GetRequiredService<IEventStore>().ReadStreamAsync("counter-shared", 0);
        var incremented = events.Select(e => (CounterIncremented)e.Data).ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), acknowledged.Order());
        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), events.Select(e => e.StreamVersion));
        // Each event's value was decided from the state before it: a stale decision would repeat a value.
        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), incremented.Select(e => e.NewValue));
        Assert.Equal(200, incremented.Select(e => e.CommandId).Distinct().Count());
    }

    [Fact]
    public async Task Given_events_appended_behind_an_active_grain_When_it_decides_next_Then_its_append_conflicts_and_it_decides_again_on_them()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var counter = cluster.Primary.Grains.GetGrain<ICounterGrain>("behind");
        Assert.Equal(2, await counter.IncrementMany(2));
        // Another writer of the stream (a second activation during a membership change, say).
        await cluster.Primary.Services.GetRequiredService<IEventStore>().AppendAsync(
            "counter-behind", "counter", 2, [new CounterIncremented(3, "outside")], EventMetadata.Empty);

        var value = await counter.Increment("after");

        var events = await cluster.Primary.Services.GetRequiredService<IEventStore>().ReadStreamAsync("counter-behind", 0);
        Assert.Equal(4, value);
        Assert.Equal(["batch-1", "batch-2", "outside", "after"], events.Select(e => ((CounterIncremented)e.Data).CommandId));
    }
}
