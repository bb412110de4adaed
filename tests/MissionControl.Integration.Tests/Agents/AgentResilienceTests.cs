using MissionControl.Fakes;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Agents;

public sealed class AgentResilienceTests
{
    [Fact]
    public async Task Given_a_silo_killed_between_gateway_calls_When_the_watch_fires_elsewhere_Then_the_attempt_is_recorded_as_interrupted_and_a_retry_brings_the_agent_online()
    {
        await using var gateway = FakeGateway.Start();
        // Slow file writes keep the first attempt mid-way long enough to kill its silo there.
        gateway.Faults.DelayReplies("agents.files.set", TimeSpan.FromSeconds(1.5), times: 1);
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 2);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId, 0).Register(AgentCluster.Worker(agentId));
        await Eventually.WaitUntil(async () => (await cluster.EventsAsync(agentId)).OfType<AgentProvisionStepRecorded>().Any(s => s.Step == "agents.files.list"),
            TimeSpan.FromSeconds(30), "the first attempt is under way");

        var host = await cluster.HostOfAsync(cluster.Agent(agentId));
        await host.KillAsync();
        var survivor = cluster.Silos.ToList().IndexOf(cluster.OtherThan(host));

        Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(agentId, silo: survivor));
        var events = await cluster.EventsAsync(agentId);
        var interrupted = Assert.Single(events.OfType<AgentProvisionFailed>());
        Assert.Equal(1, interrupted.Generation);
        Assert.Contains("interrupted", interrupted.Error);
        var retry = events.OfType<AgentProvisionStarted>().Last();
        Assert.Equal(2, retry.Generation);
        Assert.Equal(1, retry.AutoRetry);
        Assert.Equal(2, events.OfType<AgentProvisionCompleted>().Single().Generation);
        Assert.True(gateway.State.HasAgent($"mc-{agentId}"));
    }

    [Fact]
    public async Task Given_a_woken_agent_that_never_checks_in_When_its_wakes_run_out_Then_it_is_woken_a_bounded_number_of_times_and_marked_offline_with_the_reason()
    {
        await using var gateway = FakeGateway.Start();
        var options = AgentCluster.FastOptions();
        options.CheckInWindow = TimeSpan.FromMilliseconds(300);
        options.MaxWakeAttempts = 2;
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 2, options);
        var agentId = Guid.NewGuid();

        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));

        await Eventually.WaitUntil(async () => (await cluster.Agent(agentId, 1).GetPresence()).Status == "offline",
            TimeSpan.FromSeconds(30), "the silent agent is given up");
        var snapshot = (await cluster.Agent(agentId, 1).Get())!;
        Assert.Equal(AgentDefaults.NeverCheckedInReason, snapshot.OfflineReason);
        Assert.Equal(2, gateway.State.Chats.Count(c => c.SessionKey == $"agent:mc-{agentId}:main"));
        Assert.Single((await cluster.EventsAsync(agentId)).OfType<AgentCheckInMissed>());

        Assert.Equal("online", (await cluster.Agent(agentId).RecordHeartbeat(null)).Status);
    }

    [Fact]
    public async Task Given_a_woken_agent_When_it_checks_in_before_the_deadline_Then_it_is_not_woken_again()
    {
        await using var gateway = FakeGateway.Start();
        var options = AgentCluster.FastOptions();
        options.CheckInWindow = TimeSpan.FromMilliseconds(500);
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1, options);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);

        await cluster.Agent(agentId).RecordHeartbeat(null);
        await Task.Delay(options.CheckInWindow * 3);

        Assert.Single(gateway.State.Chats);
        Assert.Empty((await cluster.EventsAsync(agentId)).OfType<AgentCheckInMissed>());
    }
}
