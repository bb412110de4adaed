using MissionControl.Fakes;
using MissionControl.Grains.Agents.Events;

namespace MissionControl.Integration.Tests.Agents;

public sealed class AgentDeletionTests
{
    [Fact]
    public async Task Given_a_provisioned_agent_When_deleted_Then_the_gateway_loses_it_with_its_files_its_tasks_are_released_and_it_reads_as_gone()
    {
        await using var gateway = FakeGateway.Start();
        var departure = new RecordingDeparture();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1, departure: departure);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);

        var deletion = await cluster.Agent(agentId).Delete();

        Assert.True(deletion.Deleted);
        Assert.False(gateway.State.HasAgent($"mc-{agentId}"));
        Assert.True(gateway.State.LastDeleteFiles);
        Assert.Equal([agentId], departure.Released);
        Assert.Null(await cluster.Agent(agentId).Get());
        Assert.IsType<AgentDeleted>((await cluster.EventsAsync(agentId))[^1]);
        Assert.True((await cluster.Agent(agentId).Delete()).Deleted); // a repeated delete is fine
    }

    [Fact]
    public async Task Given_a_gateway_that_is_down_When_deleting_Then_the_agent_stays_deleting_with_the_error_and_deleting_again_after_recovery_finishes()
    {
        await using var gateway = FakeGateway.Start();
        var departure = new RecordingDeparture();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1, departure: departure);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        gateway.Faults.RejectUpgrades(100_000);
        gateway.DropAllConnections();

        var failed = await cluster.Agent(agentId).Delete();

        Assert.False(failed.Deleted);
        Assert.Contains("Gateway unreachable after", failed.Error);
        Assert.Equal("deleting", (await cluster.Agent(agentId).GetPresence()).Status);
        Assert.Empty(departure.Released);

        gateway.Faults.AcceptUpgrades();
        var retried = await cluster.Agent(agentId).Delete();

        Assert.True(retried.Deleted);
        Assert.False(gateway.State.HasAgent($"mc-{agentId}"));
        Assert.Equal([agentId], departure.Released);
    }
}
