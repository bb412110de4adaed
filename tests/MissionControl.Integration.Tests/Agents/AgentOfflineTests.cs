using MissionControl.Fakes;
using MissionControl.Grains.Agents;
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
    public async Task Given_heartbeats_that_move_the_offline_check_only_a_little_When_the_agent_then_falls_silent_Then_no_reminder_write_per_heartbeat_and_the_early_firing_still_leads_to_offline()
    {
        // A quarter of it (the move that re-arms) leaves a busy machine room between the beats.
        var offlineAfter = TimeSpan.FromSeconds(6);
        await using var gateway = FakeGateway.Start();
        await using var cluster = await StartAsync(gateway, silos: 1, offlineAfter);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId, "quiet"));
        await cluster.StatusAfterProvisioningAsync(agentId);

        await cluster.Agent(agentId).RecordHeartbeat(null);
        await Task.Delay(offlineAfter * 0.03);
        var last = await cluster.Agent(agentId).RecordHeartbeat(null);
        Assert.Equal(1L, await OfflineCheckGenerationAsync(cluster, agentId));

        // The check armed by the first heartbeat fires before OFFLINE_AFTER has passed since the
        // last one; it must watch the remaining time rather than give up or judge too early.
        await Eventually.WaitUntil(async () => await CountAsync<AgentWentOffline>(cluster, agentId) == 1, TimeSpan.FromSeconds(30), "the silent agent is marked offline");
        var offline = (await cluster.EventsAsync(agentId)).OfType<AgentWentOffline>().Single();
        Assert.Equal(last.LastSeenAt, offline.LastSeenAt);
        Assert.True(offline.At - last.LastSeenAt!.Value > offlineAfter, "marked offline before OFFLINE_AFTER of silence");
    }

    private static Task<TestCluster> StartAsync(FakeGateway gateway, int silos, TimeSpan? offlineAfter = null)
    {
        var options = AgentCluster.FastOptions();
        options.OfflineAfter = offlineAfter ?? OfflineAfter;
        return AgentCluster.StartAsync(gateway, silos, options);
    }

    // Every registration of a reminder bumps its generation; 1 means it was written once.
    private static async Task<long> OfflineCheckGenerationAsync(TestCluster cluster, Guid agentId)
    {
        await using var dataSource = cluster.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand(
            "select generation from reminders where grain_type = 'agent' and grain_key = $1 and name = $2");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = agentId.ToString() });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = AgentGrain.OfflineCheck });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> CountAsync<TEvent>(TestCluster cluster, Guid agentId) =>
        (await cluster.EventsAsync(agentId)).Count(e => e is TEvent);
}
