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
        await using var gateway = FakeGateway.Start();
        await using var cluster = await StartAsync(gateway, silos: 2);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId, "steady"));
        await cluster.StatusAfterProvisioningAsync(agentId);

        for (var i = 0; i < 10; i++)
        {
            await cluster.Agent(agentId, i % 2).RecordHeartbeat(null);
            await Task.Delay(OfflineAfter / 3);
        }

        Assert.Equal(0, await CountAsync<AgentWentOffline>(cluster, agentId));
        Assert.Equal("online", (await cluster.Agent(agentId).GetPresence()).Status);
    }

    private static Task<TestCluster> StartAsync(FakeGateway gateway, int silos)
    {
        var options = AgentCluster.FastOptions();
        options.OfflineAfter = OfflineAfter;
        return AgentCluster.StartAsync(gateway, silos, options);
    }

    private static async Task<int> CountAsync<TEvent>(TestCluster cluster, Guid agentId) =>
        (await cluster.EventsAsync(agentId)).Count(e => e is TEvent);
}
