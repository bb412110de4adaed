using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Agents;

public sealed class AgentFailoverTests
{
    [Fact]
    public async Task Given_two_silos_When_the_silo_holding_an_agent_is_killed_Then_the_survivor_activates_it_with_all_its_events_and_marks_it_offline_exactly_once()
    {
        var options = AgentCluster.FastOptions();
        options.OfflineAfter = TimeSpan.FromSeconds(3);
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 2, options);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        var before = await cluster.Agent(agentId).RecordHeartbeat(null);
        var host = await cluster.HostOfAsync(cluster.Agent(agentId));
        var survivor = cluster.OtherThan(host);

        await host.KillAsync();
        // Until the survivor has voted the killed silo dead, calls may still be routed to it.
        AgentSnapshot? after = null;
        await Eventually.WaitUntil(async () => (after = await TryGetAsync(survivor.Grains.GetGrain<IAgentGrain>(agentId.ToString()))) is not null,
            TimeSpan.FromSeconds(60), "the agent answers on the survivor");

        // Everything the killed silo committed is there; past it, at most the offline mark (the
        // sweep may already have run on the survivor).
        Assert.Equal(before.LastSeenAt, after!.LastSeenAt);
        Assert.InRange(after.Version, before.Version, before.Version + 1);
        Assert.All((await cluster.EventsAsync(agentId)).Skip((int)before.Version), e => Assert.IsType<AgentWentOffline>(e));
        Assert.Same(survivor, await cluster.HostOfAsync(survivor.Grains.GetGrain<IAgentGrain>(agentId.ToString())));
        await Eventually.WaitUntil(async () => (await cluster.EventsAsync(agentId)).OfType<AgentWentOffline>().Any(),
            TimeSpan.FromSeconds(60), "the silent agent is marked offline");
        await Task.Delay(options.OfflineAfter + options.OfflineSweepEvery * 5); // room for a duplicate mark to show
        Assert.Single((await cluster.EventsAsync(agentId)).OfType<AgentWentOffline>());
    }

    private static async Task<AgentSnapshot?> TryGetAsync(IAgentGrain agent)
    {
        try
        {
            return await agent.Get();
        }
        catch (Exception ex) when (ex is Orleans.Runtime.SiloUnavailableException or TimeoutException or Orleans.Runtime.OrleansMessageRejectionException)
        {
            return null;
        }
    }
}
