using MissionControl.Fakes;
using MissionControl.Grains.Agents.Events;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Agents;

public sealed class AgentOfflineTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task Given_a_silent_agent_on_three_silos_When_offline_after_passes_Then_exactly_one_offline_event_and_a_heartbeat_brings_it_back()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await StartAsync(gateway, silos: 3);
        var agentId = Guid.NewGuid();

        await cluster.Agent(agentId, 0).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        Assert.Equal("online", (await cluster.Agent(agentId, 1).RecordHeartbeat(null)).Status);
        await Eventually.WaitUntil(async () => (await cluster.Agent(agentId, 2).GetPresence()).Status == "offline", TimeSpan.FromSeconds(30), "the agent is marked offline");
        await Task.Delay(OfflineAfter * 3); // room for any duplicate firing to show itself

        Assert.Equal(1, await CountAsync<AgentWentOffline>(cluster, agentId));
        Assert.Equal("online", (await cluster.Agent(agentId, 2).RecordHeartbeat(null)).Status);
        await Eventually.WaitUntil(async () => await CountAsync<AgentWentOffline>(cluster, agentId) == 2, TimeSpan.FromSeconds(30), "silence after the comeback is noticed again");
    }

    [Fact]
    public async Task Given_an_agent_that_keeps_sending_heartbeats_When_offline_after_passes_repeatedly_Then_it_never_goes_offline()
    {
        // Long enough that a busy machine stalling one heartbeat cannot open a real silence.
        var offlineAfter = TimeSpan.FromMilliseconds(1500);
        await using var gateway = FakeGateway.Start();
        await using var cluster = await StartAsync(gateway, silos: 2, offlineAfter);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId, "steady"));
        await cluster.StatusAfterProvisioningAsync(agentId);

        for (var i = 0; i < 16; i++)
        {
            await cluster.Agent(agentId, i % 2).RecordHeartbeat(null);
            await Task.Delay(offlineAfter / 6);
        }

        Assert.Equal(0, await CountAsync<AgentWentOffline>(cluster, agentId));
        Assert.Equal("online", (await cluster.Agent(agentId).GetPresence()).Status);
    }

    [Fact]
    public async Task Given_an_agent_watched_by_its_gateways_sweep_When_it_keeps_beating_Then_no_reminder_is_written_and_once_it_falls_silent_the_sweep_removes_itself()
    {
        var offlineAfter = TimeSpan.FromSeconds(2);
        await using var gateway = FakeGateway.Start();
        await using var cluster = await StartAsync(gateway, silos: 2, offlineAfter);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId, "quiet"));
        await cluster.StatusAfterProvisioningAsync(agentId);
        await cluster.Agent(agentId).RecordHeartbeat(null);
        var enlisted = await RemindersAsync(cluster);

        for (var i = 0; i < 20; i++)
            await cluster.Agent(agentId, i % 2).RecordHeartbeat(null);

        Assert.Equal(["offline-sweep"], enlisted.Select(r => r.Name));
        Assert.Equal(enlisted, await RemindersAsync(cluster));
        await Eventually.WaitUntil(async () => await CountAsync<AgentWentOffline>(cluster, agentId) == 1, TimeSpan.FromSeconds(30), "the silent agent is marked offline");
        var offline = (await cluster.EventsAsync(agentId)).OfType<AgentWentOffline>().Single();
        Assert.True(offline.At - offline.LastSeenAt!.Value > offlineAfter, "marked offline before OFFLINE_AFTER of silence");
        // Nothing live is left on the gateway, so nothing is left to sweep.
        await Eventually.WaitUntil(async () => (await RemindersAsync(cluster)).Count == 0, TimeSpan.FromSeconds(30), "the sweep unregisters itself");
    }

    private static Task<TestCluster> StartAsync(FakeGateway gateway, int silos, TimeSpan? offlineAfter = null)
    {
        var options = AgentCluster.FastOptions();
        options.OfflineAfter = offlineAfter ?? OfflineAfter;
        return AgentCluster.StartAsync(gateway, silos, options);
    }

    // Every reminder row of the cluster, with the version each write bumps.
    private static async Task<IReadOnlyList<(string Name, int Version)>> RemindersAsync(TestCluster cluster)
    {
        await using var dataSource = cluster.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select reminder_name, version from orleans_reminders order by grain_id, reminder_name");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, int)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetInt32(1)));
        return rows;
    }

    private static async Task<int> CountAsync<TEvent>(TestCluster cluster, Guid agentId) =>
        (await cluster.EventsAsync(agentId)).Count(e => e is TEvent);
}
