using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.Tests.TestGrains;
using Orleans.Runtime;

namespace MissionControl.Silo.Tests.Hosted;

/// <summary>The event-sourced grain's promises on silos the Orleans testing host runs, with membership in PostgreSQL.</summary>
public sealed class HostedClusterTests
{
    [Fact]
    public async Task Given_three_hosted_silos_When_200_commands_to_one_grain_arrive_through_all_of_them_Then_Marten_holds_200_events_with_versions_without_gaps()
    {
        await using var hosted = await HostedCluster.StartAsync(3);
        var silos = hosted.Cluster.Silos;

        var values = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => HostedCluster.Grains(silos[i % 3]).GetGrain<ICounterGrain>("shared").Increment($"c{i}")));

        var events = await StoreOf(silos[0]).ReadStreamAsync("counter-shared", 0);
        Assert.Equal(3, (await MembersAsync(hosted)).Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), values.Order());
        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), events.Select(e => e.StreamVersion));
        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), events.Select(e => ((CounterIncremented)e.Data).NewValue));
        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), await hosted.Database.StreamVersionsAsync("counter-shared"));
    }

    [Fact]
    public async Task Given_a_grain_on_a_hosted_silo_When_the_testing_host_kills_that_silo_Then_the_survivor_activates_it_with_every_event()
    {
        await using var hosted = await HostedCluster.StartAsync(2);
        var counter = HostedCluster.Grains(hosted.Cluster.Silos[0]).GetGrain<ICounterGrain>("survivor");
        await counter.IncrementMany(25);
        var host = await HostOfAsync(hosted, counter);
        var survivor = hosted.Cluster.Silos.Single(s => s.SiloAddress != host);

        await hosted.Cluster.KillSiloAsync(hosted.Cluster.GetSiloForAddress(host)!);
        var value = await Eventually(() => HostedCluster.Grains(survivor).GetGrain<ICounterGrain>("survivor").GetValue());
        var afterwards = await HostedCluster.Grains(survivor).GetGrain<ICounterGrain>("survivor").Increment("after");

        Assert.Equal(25, value);
        Assert.Equal(26, afterwards);
        Assert.Equal(survivor.SiloAddress, await HostOfAsync(hosted, counter));
        Assert.Contains(await MembersAsync(hosted), m => m.Port == host.Endpoint.Port && m.Generation == host.Generation && m.Status == "dead");
    }

    private static IEventStore StoreOf(Orleans.TestingHost.SiloHandle silo) =>
        HostedCluster.Services(silo).GetRequiredService<IEventStore>();

    private static async Task<SiloAddress> HostOfAsync(HostedCluster hosted, IAddressable grain)
    {
        var live = hosted.Cluster.GetActiveSilos().First();
        return await HostedCluster.Grains(live).GetGrain<IManagementGrain>(0).GetActivationAddress(grain)
            ?? throw new InvalidOperationException("The grain has no activation.");
    }

    // The membership table, as the cluster keeps it in PostgreSQL.
    private static async Task<IReadOnlyList<(int Port, int Generation, string Status)>> MembersAsync(HostedCluster hosted)
    {
        var members = await HostedCluster.Services(hosted.Cluster.GetActiveSilos().First())
            .GetRequiredService<MissionControl.Silo.Cluster.ClusterMembers>().ListAsync();
        return [.. members.Select(m => (m.Port, m.Generation, m.Status))];
    }

    // Until the survivor has voted the killed silo dead, a call may still be routed to it.
    private static async Task<T> Eventually<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
