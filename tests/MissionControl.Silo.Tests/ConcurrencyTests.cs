using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.Tests.TestGrains;

namespace MissionControl.Silo.Tests;

/// <summary>The expected-version guard under the grain base (200 commands through 3 silos: see Hosted/).</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Given_events_appended_behind_an_active_grain_When_it_decides_next_Then_its_append_conflicts_and_it_decides_again_on_them()
    {
        await using var cluster = await SiloSetup.StartAsync(1);
        var counter = cluster.Primary.Grains.GetGrain<ICounterGrain>("behind");
        Assert.Equal(2, await counter.IncrementMany(2));
        // Another writer of the stream (a second activation during a membership change, say).
        await cluster.Primary.Services.GetRequiredService<IEventStore>().AppendAsync(
            "counter-behind", 2, [new CounterIncremented(3, "outside")], EventMetadata.Empty);

        var value = await counter.Increment("after");

        var events = await cluster.Primary.Services.GetRequiredService<IEventStore>().ReadStreamAsync("counter-behind", 0);
        Assert.Equal(4, value);
        Assert.Equal(["batch-1", "batch-2", "outside", "after"], events.Select(e => ((CounterIncremented)e.Data).CommandId));
    }
}
