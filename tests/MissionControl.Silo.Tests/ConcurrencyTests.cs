using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.Tests.TestGrains;

namespace MissionControl.Silo.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Given_two_silos_When_each_sends_200_concurrent_commands_to_one_grain_Then_400_events_without_gaps_or_lost_updates()
    {
        await using var cluster = await SiloSetup.StartAsync(2);
        var commands = cluster.Silos
            .SelectMany((silo, s) => Enumerable.Range(0, 200).Select(i => IncrementUntilAcknowledged(silo.Grains, $"s{s}-c{i}")))
            .ToList();

        var acknowledged = await Task.WhenAll(commands);

        var events = await cluster.Primary.Services.GetRequiredService<IEventStore>().ReadStreamAsync("counter-shared", 0);
        var incremented = events.Select(e => (CounterIncremented)e.Data).ToList();
        Assert.Equal(400, acknowledged.Length);
        Assert.Equal(Enumerable.Range(1, 400).Select(v => (long)v), events.Select(e => e.StreamVersion));
        // Each event's value was decided from the state before it: any stale decision would repeat a value.
        Assert.Equal(Enumerable.Range(1, 400).Select(v => (long)v), incremented.Select(e => e.NewValue));
        Assert.Equal(400, incremented.Select(e => e.CommandId).Distinct().Count());
    }

    // Regression: an activation loaded before another silo wrote decided "nothing to do" on its
    // stale state, and nothing checked it, because an empty decision appends nothing to conflict with.
    [Fact]
    public async Task Given_a_stale_activation_When_its_decision_is_nothing_to_do_Then_it_catches_up_and_decides_again()
    {
        await using var cluster = await SiloSetup.StartAsync(2);
        var stale = cluster.Silos[1].Grains.GetGrain<ICounterGrain>("stale");
        Assert.Equal(0, await stale.GetValue());
        await cluster.Silos[0].Grains.GetGrain<ICounterGrain>("stale").IncrementMany(5);

        var value = await stale.IncrementIfAtLeast(3);

        Assert.Equal(6, value);
    }

    // A conflict that survives the runtime's one re-decision reaches the caller, who retries as
    // an HTTP client retries a 409. Each command is acknowledged exactly once.
    private static async Task<long> IncrementUntilAcknowledged(IGrainFactory grains, string commandId)
    {
        var counter = grains.GetGrain<ICounterGrain>("shared");
        while (true)
        {
            try
            {
                return await counter.Increment(commandId);
            }
            catch (ConcurrencyException)
            {
            }
        }
    }
}
