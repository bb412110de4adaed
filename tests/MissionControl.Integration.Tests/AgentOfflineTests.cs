using Microsoft.Extensions.DependencyInjection;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Security;
using MissionControl.Runtime;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests;

public sealed class AgentOfflineTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task Given_a_silent_agent_on_three_silos_When_offline_after_passes_Then_exactly_one_offline_event_and_a_heartbeat_brings_it_back()
    {
        await using var cluster = await TestCluster.StartAsync(3,
            silo => silo.AddGrain<IAgentGrain, AgentGrain>()
                .AddEventsFrom(typeof(AgentGrain).Assembly)
                .Configure(o => o.ReminderPollInterval = TimeSpan.FromMilliseconds(50)),
            services => services.AddSingleton(new AgentOptions { OfflineAfter = OfflineAfter }));
        var agentId = Guid.NewGuid();
        IAgentGrain On(int silo) => cluster.Silos[silo].Grains.GetGrain<IAgentGrain>(agentId.ToString());

        await On(0).Register(new NewAgent(agentId, "worker", Guid.NewGuid(), Guid.NewGuid(), AgentTokens.Hash(AgentTokens.Mint(), iterations: 1000)));
        Assert.Equal("online", (await On(1).RecordHeartbeat(null)).Status);
        await Eventually.WaitUntil(async () => (await On(2).GetPresence()).Status == "offline", TimeSpan.FromSeconds(30), "the agent is marked offline");
        await Task.Delay(OfflineAfter * 3); // room for any duplicate firing to show itself

        Assert.Equal(1, await CountAsync<AgentWentOffline>(cluster, agentId));
        Assert.Equal("online", (await On(2).RecordHeartbeat(null)).Status);
        await Eventually.WaitUntil(async () => await CountAsync<AgentWentOffline>(cluster, agentId) == 2, TimeSpan.FromSeconds(30), "silence after the comeback is noticed again");
    }

    [Fact]
    public async Task Given_an_agent_that_keeps_sending_heartbeats_When_offline_after_passes_repeatedly_Then_it_never_goes_offline()
    {
        await using var cluster = await TestCluster.StartAsync(2,
            silo => silo.AddGrain<IAgentGrain, AgentGrain>()
                .AddEventsFrom(typeof(AgentGrain).Assembly)
                .Configure(o => o.ReminderPollInterval = TimeSpan.FromMilliseconds(50)),
            services => services.AddSingleton(new AgentOptions { OfflineAfter = OfflineAfter }));
        var agentId = Guid.NewGuid();
        var grain = cluster.Primary.Grains.GetGrain<IAgentGrain>(agentId.ToString());
        await grain.Register(new NewAgent(agentId, "steady", Guid.NewGuid(), Guid.NewGuid(), AgentTokens.Hash(AgentTokens.Mint(), iterations: 1000)));

        for (var i = 0; i < 10; i++)
        {
            await cluster.Silos[i % 2].Grains.GetGrain<IAgentGrain>(agentId.ToString()).RecordHeartbeat(null);
            await Task.Delay(OfflineAfter / 3);
        }

        Assert.Equal(0, await CountAsync<AgentWentOffline>(cluster, agentId));
        Assert.Equal("online", (await grain.GetPresence()).Status);
    }

    private static async Task<int> CountAsync<TEvent>(TestCluster cluster, Guid agentId)
    {
        var events = await cluster.Primary.Services.GetRequiredService<IEventStore>().ReadStreamAsync($"agent-{agentId}", 0);
        return events.Count(e => e.Data is TEvent);
    }
}
