using Microsoft.Extensions.DependencyInjection;
using MissionControl.Cluster.TestSilo;
using MissionControl.Cluster.Tests.Support;
using MissionControl.Testing;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Cluster.Tests;

/// <summary>Reminders kept in PostgreSQL outlive the silos that registered them.</summary>
public sealed class ReminderTableTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Given_a_reminder_When_its_only_silo_stops_and_another_starts_Then_the_new_silo_fires_it()
    {
        await using var database = TestDatabase.Create();
        var first = await ClusterSilo.StartAsync(database);
        await first.Grains.GetGrain<IAlarmGrain>("durable").Arm(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        await first.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;

        await using var second = await ClusterSilo.StartAsync(database);

        await Eventually.WaitUntil(async () => (await Firings.SinceAsync(database, stoppedAt)).Contains(("durable", second.Address.ToString())),
            Patience, "the reminder fires on the new silo");
        var row = await ReminderTable(second).ReadRow(GrainId.Create("alarm", "durable"), AlarmGrain.ReminderName);
        Assert.Equal(TimeSpan.FromSeconds(2), row!.Period);
    }

    [Fact]
    public async Task Given_stored_reminders_When_read_by_ring_range_updated_and_removed_Then_the_table_keeps_the_providers_contract()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database, serviceId: "contract");
        var table = ReminderTable(silo);
        var entries = Enumerable.Range(0, 30).Select(i => Entry($"g{i}")).ToList();
        var etags = new List<string?>();
        foreach (var entry in entries)
            etags.Add(await table.UpsertRow(entry));
        var hashes = entries.Select(e => e.GrainId.GetUniformHashCode()).Order().ToList();
        var (low, high) = (hashes[5], hashes[20]);

        var inside = await table.ReadRows(low, high);
        var wrapped = await table.ReadRows(high, low);
        var whole = await table.ReadRows(0, 0);
        var updatedEtag = await table.UpsertRow(Entry("g0", TimeSpan.FromMinutes(5)));
        var staleRemove = await table.RemoveRow(entries[0].GrainId, entries[0].ReminderName, etags[0]!);
        var freshRemove = await table.RemoveRow(entries[0].GrainId, entries[0].ReminderName, updatedEtag!);

        Assert.Equal(15, inside.Reminders.Count);
        Assert.All(inside.Reminders, r => Assert.InRange(r.GrainId.GetUniformHashCode(), low + 1, high));
        Assert.Equal(15, wrapped.Reminders.Count);
        Assert.Empty(inside.Reminders.Select(r => r.GrainId).Intersect(wrapped.Reminders.Select(r => r.GrainId)));
        Assert.Equal(30, whole.Reminders.Count);
        Assert.NotEqual(etags[0], updatedEtag!);
        Assert.False(staleRemove);
        Assert.True(freshRemove);
        Assert.Null(await table.ReadRow(entries[0].GrainId, entries[0].ReminderName));
        Assert.Equal(29, (await table.ReadRows(0, 0)).Reminders.Count);
    }

    private static ReminderEntry Entry(string key, TimeSpan? period = null) => new()
    {
        GrainId = GrainId.Create("alarm", key),
        ReminderName = "contract",
        StartAt = DateTime.UtcNow.AddHours(1),
        Period = period ?? TimeSpan.FromMinutes(1),
    };

    private static IReminderTable ReminderTable(ClusterSilo silo) => silo.Services.GetRequiredService<IReminderTable>();
}
