using MissionControl.Cluster.TestSilo;
using MissionControl.Cluster.Tests.Support;
using MissionControl.Runtime;
using MissionControl.Testing;

namespace MissionControl.Cluster.Tests;

/// <summary>Who is acting reaches grains on other silos, so the events they append say who caused them.</summary>
public sealed class CallContextTests
{
    [Fact]
    public async Task Given_a_caller_acting_for_someone_When_it_calls_grains_across_a_two_silo_cluster_Then_each_sees_the_actor_and_nothing_leaks_after()
    {
        await using var database = TestDatabase.Create();
        await using var first = await ClusterSilo.StartAsync(database);
        await using var second = await ClusterSilo.StartAsync(database);
        await Eventually.WaitUntil(() => first.ActiveSilosSeen.Count == 2, TimeSpan.FromSeconds(60), "the silos see each other");
        var grains = Enumerable.Range(0, 10).Select(i => first.Grains.GetGrain<ICallContextGrain>($"context-{i}")).ToList();

        string?[][] seen;
        using (CallContext.Begin("user:42", "request-7"))
            seen = await Task.WhenAll(grains.Select(g => g.Seen()));
        var afterwards = await grains[0].Seen();

        Assert.All(seen, s => Assert.Equal(("user:42", "request-7"), (s[0], s[1])));
        Assert.Equal((null, null), (afterwards[0], afterwards[1]));
        Assert.Equal(EventMetadata.Empty, CallContext.Metadata);
    }
}
