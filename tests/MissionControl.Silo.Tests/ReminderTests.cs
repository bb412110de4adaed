using MissionControl.Silo.Tests.TestGrains;
using MissionControl.Testing;
using Npgsql;

namespace MissionControl.Silo.Tests;

public sealed class ReminderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_three_silos_When_a_one_shot_reminder_falls_due_Then_it_fires_once_and_is_removed()
    {
        var probe = new Probe();
        await using var cluster = await SiloSetup.StartAsync(3, probe);

        await cluster.Silos[1].Grains.GetGrain<IProbeGrain>("r1").Schedule("wake", TimeSpan.FromMilliseconds(200), null);
        await Eventually.WaitUntil(() => !probe.Deliveries.IsEmpty, Patience, "the reminder fires");
        await Eventually.WaitUntil(async () => await CountRemindersAsync(cluster) == 0, Patience, "the fired reminder is removed");
        await Task.Delay(500);

        var delivery = Assert.Single(probe.Deliveries);
        Assert.Equal(("r1", "wake", 1), (delivery.GrainKey, delivery.Reminder, delivery.Attempt));
        Assert.Contains(delivery.SiloId, cluster.Silos.Select(s => s.SiloId));
    }

    [Fact]
    public async Task Given_the_lease_holder_dies_mid_handler_When_its_lease_lapses_Then_another_silo_delivers_the_reminder_again()
    {
        var probe = new Probe { HoldFirstDelivery = new TaskCompletionSource() };
        await using var cluster = await SiloSetup.StartAsync(3, probe);

        await cluster.Primary.Grains.GetGrain<IProbeGrain>("r2").Schedule("offline-check", TimeSpan.Zero, null);
        await Eventually.WaitUntil(() => !probe.Deliveries.IsEmpty, Patience, "a silo takes the reminder");
        var first = probe.Deliveries.Single();
        Assert.Equal(first.SiloId, await LeaseOwnerAsync(cluster, "r2"));
        await cluster.Silos.Single(s => s.SiloId == first.SiloId).KillAsync();

        await Eventually.WaitUntil(() => probe.Deliveries.Count >= 2, Patience, "another silo redelivers");
        await Eventually.WaitUntil(async () => await CountRemindersAsync(cluster) == 0, Patience, "the redelivery completes");

        var second = probe.Deliveries.ElementAt(1);
        Assert.NotEqual(first.SiloId, second.SiloId);
        Assert.Equal(2, second.Attempt);
    }

    [Fact]
    public async Task Given_a_periodic_reminder_When_unregistered_Then_it_stops_firing()
    {
        var probe = new Probe();
        await using var cluster = await SiloSetup.StartAsync(2, probe);
        var grain = cluster.Primary.Grains.GetGrain<IProbeGrain>("r3");

        await grain.Schedule("tick", TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        await Eventually.WaitUntil(() => probe.Deliveries.Count >= 3, Patience, "the reminder fires three times");
        await grain.Cancel("tick");
        await Task.Delay(300); // lets a firing already claimed finish
        var afterCancel = probe.Deliveries.Count;
        await Task.Delay(1000);

        Assert.Equal(afterCancel, probe.Deliveries.Count);
        Assert.Equal(0, await CountRemindersAsync(cluster));
    }

    [Fact]
    public async Task Given_a_reminder_When_registered_again_before_it_is_due_Then_only_the_new_due_time_counts()
    {
        var probe = new Probe();
        await using var cluster = await SiloSetup.StartAsync(1, probe);
        var grain = cluster.Primary.Grains.GetGrain<IProbeGrain>("r4");

        await grain.Schedule("later", TimeSpan.FromMilliseconds(300), null);
        await grain.Schedule("later", TimeSpan.FromHours(1), null);
        await Task.Delay(1500);

        Assert.Empty(probe.Deliveries);
        Assert.Equal(1, await CountRemindersAsync(cluster));
    }

    private static async Task<long> CountRemindersAsync(TestCluster cluster)
    {
        await using var dataSource = cluster.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select count(*) from reminders");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string?> LeaseOwnerAsync(TestCluster cluster, string grainKey)
    {
        await using var dataSource = cluster.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select lease_owner from reminders where grain_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = grainKey });
        return await command.ExecuteScalarAsync() as string;
    }
}
