using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;

namespace MissionControl.Integration.Tests.Agents;

/// <summary>
/// An agent's own heartbeat carries the hash its token was proven against, and counts only while
/// that is the agent's current hash in its stream, whichever silo changed it.
/// </summary>
public sealed class AgentOwnHeartbeatTests
{
    [Fact]
    public async Task Given_a_silo_that_cached_the_agent_When_another_silo_rotates_its_token_Then_the_old_hash_is_refused_there_at_once_and_the_new_one_accepted()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 2);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId, 0).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        var oldHash = await cluster.CurrentTokenHashAsync(agentId);
        Assert.NotNull(await cluster.Agent(agentId, 1).RecordOwnHeartbeat(null, oldHash));

        await cluster.Agent(agentId, 0).Update(new AgentChanges { Name = "Scout Renamed" });
        // Silo 0 keeps recording provisioning steps for a moment; let them settle so the
        // heartbeats below are not out-raced into a conflict. Only then is the token final: an
        // attempt stalled on a busy machine is retried with a fresh one.
        await cluster.StatusAfterProvisioningAsync(agentId);
        var newHash = await cluster.CurrentTokenHashAsync(agentId);
        Assert.NotEqual(oldHash, newHash);
        var heartbeatsBefore = await HeartbeatCountAsync(cluster, agentId);

        Assert.Null(await cluster.Agent(agentId, 1).RecordOwnHeartbeat(null, oldHash));
        Assert.Equal(heartbeatsBefore, await HeartbeatCountAsync(cluster, agentId));
        Assert.NotNull(await cluster.Agent(agentId, 1).RecordOwnHeartbeat(null, newHash));
        Assert.Equal(heartbeatsBefore + 1, await HeartbeatCountAsync(cluster, agentId));
    }

    [Fact]
    public async Task Given_a_deleted_agent_When_a_heartbeat_comes_with_its_last_hash_Then_it_is_refused_without_an_event()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 2);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId, 0).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        var hash = await cluster.CurrentTokenHashAsync(agentId);
        Assert.NotNull(await cluster.Agent(agentId, 1).RecordOwnHeartbeat(null, hash));

        Assert.True((await cluster.Agent(agentId, 0).Delete()).Deleted);

        Assert.Null(await cluster.Agent(agentId, 1).RecordOwnHeartbeat(null, hash));
        Assert.IsType<AgentDeleted>((await cluster.EventsAsync(agentId))[^1]);
    }

    private static async Task<int> HeartbeatCountAsync(Testing.TestCluster cluster, Guid agentId) =>
        (await cluster.EventsAsync(agentId)).Count(e => e is AgentHeartbeatRecorded);
}
