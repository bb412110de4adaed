using MissionControl.Cluster.TestSilo;
using MissionControl.Cluster.Tests.Support;
using MissionControl.Silo.Cluster;
using MissionControl.Testing;
using Orleans.Runtime;

namespace MissionControl.Cluster.Tests;

/// <summary>Silos form one cluster through the membership table in PostgreSQL, and find out a dead one.</summary>
public sealed class MembershipTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Given_two_silos_on_one_schema_When_both_start_Then_both_are_active_members_and_grains_live_on_both()
    {
        await using var database = TestDatabase.Create();
        await using var first = await ClusterSilo.StartAsync(database);
        await using var second = await ClusterSilo.StartAsync(database);

        await Eventually.WaitUntil(() => first.ActiveSilosSeen.Count == 2 && second.ActiveSilosSeen.Count == 2,
            Patience, "each silo sees both active");
        await Eventually.WaitUntil(() => first.SilosPlacingGrains == 2, Patience, "the first silo places grains on both");
        var members = await first.Members.ListAsync();
        var placements = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => first.Grains.GetGrain<IPlacedGrain>($"grain-{i}").Silo()));

        Assert.Equal(
            new[] { first.Address, second.Address }.Select(a => (a.Endpoint.Port, a.Generation)).Order(),
            members.Select(m => (m.Port, m.Generation)).Order());
        Assert.All(members, m => Assert.Equal("active", m.Status));
        Assert.All(members, m => Assert.NotNull(m.GatewayPort));
        Assert.Equal(new[] { first.Address.ToString(), second.Address.ToString() }.Order(), placements.Distinct().Order());
    }

    [Fact]
    public async Task Given_a_silo_process_with_reminders_When_it_is_killed_Then_the_survivor_votes_it_dead_takes_its_grains_and_fires_its_reminders()
    {
        await using var database = TestDatabase.Create();
        await using var survivor = await ClusterSilo.StartAsync(database);
        await using var victim = await SiloProcess.StartAsync(database);
        await Eventually.WaitUntil(() => survivor.ActiveSilosSeen.Count == 2, Patience, "the survivor sees both silos");
        var alarms = Enumerable.Range(0, 20).Select(i => $"alarm-{i}").ToList();
        foreach (var alarm in alarms)
            await survivor.Grains.GetGrain<IAlarmGrain>(alarm).Arm(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var armedAt = DateTimeOffset.UtcNow;
        await Eventually.WaitUntil(async () => (await Firings.SinceAsync(database, armedAt)).Any(f => f.Silo == victim.Address.ToString()),
            Patience, "the silo process fires its share of the reminders");

        await victim.KillAsync();
        await Eventually.WaitUntil(async () => (await survivor.Members.ListAsync()).Any(m => Is(m, victim.Address) && m.Status == "dead"),
            Patience, "the killed silo is declared dead");
        await Eventually.WaitUntil(() => survivor.ActiveSilosSeen.Count == 1, Patience, "the survivor's own view drops the dead silo");
        var declaredAt = DateTimeOffset.UtcNow;
        var placements = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => survivor.Grains.GetGrain<IPlacedGrain>($"after-{i}").Silo()));
        await Eventually.WaitUntil(async () =>
        {
            var fired = await Firings.SinceAsync(database, declaredAt);
            return alarms.All(a => fired.Contains((a, survivor.Address.ToString())));
        }, Patience, "every reminder fires on the survivor");

        var dead = (await survivor.Members.ListAsync()).Single(m => Is(m, victim.Address));
        Assert.Contains(survivor.Address.ToParsableString(), dead.SuspectedBy);
        Assert.All(placements, silo => Assert.Equal(survivor.Address.ToString(), silo));
    }

    private static bool Is(SiloMembership member, SiloAddress silo) =>
        member.Port == silo.Endpoint.Port && member.Generation == silo.Generation;
}
