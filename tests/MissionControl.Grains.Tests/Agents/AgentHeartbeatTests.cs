using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;
using static MissionControl.Grains.Tests.Agents.AgentSpec;

namespace MissionControl.Grains.Tests.Agents;

public class AgentHeartbeatTests
{
    [Fact]
    public void Given_provisioned_agent_When_heartbeat_Then_online()
    {
        var spec = NewWorker();

        var events = spec.When(new RecordHeartbeat(T0.AddSeconds(20)));

        Assert.Equal(new AgentHeartbeatRecorded(AgentStatus.Online, T0.AddSeconds(20)), Assert.Single(events));
        Assert.Equal(AgentStatus.Online, spec.Agent.Status);
        Assert.Equal(T0.AddSeconds(20), spec.Agent.LastSeenAt);
    }

    [Fact]
    public void Given_updating_agent_When_heartbeat_without_status_Then_online()
    {
        var spec = ProvisionedWorker().Given(new UpdateAgent(NewTokenHash, T0.AddMinutes(1)) { Name = "Renamed" });
        Assert.Equal(AgentStatus.Updating, spec.Agent.Status);

        spec.When(new RecordHeartbeat(T0.AddMinutes(2)));

        Assert.Equal(AgentStatus.Online, spec.Agent.Status);
    }

    [Fact]
    public void Given_online_agent_When_heartbeat_with_status_Then_reported_status_kept()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        spec.When(new RecordHeartbeat(T0.AddMinutes(2)) { Status = "busy" });

        Assert.Equal("busy", spec.Agent.Status);
    }

    [Fact]
    public void Given_agent_with_reported_status_When_heartbeat_without_status_Then_status_unchanged()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new RecordHeartbeat(T0.AddMinutes(2)) { Status = "busy" });

        spec.When(new RecordHeartbeat(T0.AddMinutes(3)));

        Assert.Equal("busy", spec.Agent.Status);
    }

    [Fact]
    public void Given_online_agent_When_heartbeat_claims_deleted_Then_validation_error()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var error = Assert.Throws<DomainException>(() => spec.When(new RecordHeartbeat(T0) { Status = "deleted" }));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void Given_failed_agent_When_heartbeat_Then_online_and_error_cleared()
    {
        var spec = NewWorker().Given(new FailProvisioning(1, "boom", T0));

        spec.When(new RecordHeartbeat(T0.AddMinutes(1)));

        Assert.Equal(AgentStatus.Online, spec.Agent.Status);
        Assert.Null(spec.Agent.LastProvisionError);
    }

    [Fact]
    public void Given_no_agent_When_heartbeat_Then_not_found()
    {
        var error = Assert.Throws<DomainException>(() => AgentDecider.Decide(null, new RecordHeartbeat(T0)));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.HttpStatus);
    }

    [Fact]
    public void Given_online_agent_silent_past_offline_after_When_checked_twice_Then_one_offline_event()
    {
        var lastSeen = T0.AddMinutes(1);
        var spec = OnlineWorker(lastSeen);

        var first = spec.When(new CheckLiveness(lastSeen.AddMinutes(10).AddSeconds(1)));
        var second = spec.When(new CheckLiveness(lastSeen.AddMinutes(20)));

        var offline = Assert.IsType<AgentWentOffline>(Assert.Single(first));
        Assert.Equal(lastSeen, offline.LastSeenAt);
        Assert.Empty(second);
        Assert.Equal(AgentStatus.Offline, spec.Agent.Status);
    }

    [Fact]
    public void Given_online_agent_silent_exactly_offline_after_When_checked_Then_still_online()
    {
        var lastSeen = T0.AddMinutes(1);
        var spec = OnlineWorker(lastSeen);

        Assert.Empty(spec.When(new CheckLiveness(lastSeen.AddMinutes(10))));
    }

    [Fact]
    public void Given_online_agent_When_checked_with_shorter_configured_window_Then_offline_sooner()
    {
        var lastSeen = T0.AddMinutes(1);
        var spec = OnlineWorker(lastSeen);

        var events = spec.When(new CheckLiveness(lastSeen.AddMinutes(3)) { OfflineAfter = TimeSpan.FromMinutes(2) });

        Assert.Single(events);
    }

    [Fact]
    public void Given_offline_agent_When_heartbeat_Then_back_online_and_offline_reason_cleared()
    {
        var lastSeen = T0.AddMinutes(1);
        var spec = OnlineWorker(lastSeen).Given(new CheckLiveness(lastSeen.AddMinutes(11)));

        spec.When(new RecordHeartbeat(lastSeen.AddMinutes(12)));

        Assert.Equal(AgentStatus.Online, spec.Agent.Status);
        Assert.Null(spec.Agent.OfflineReason);
    }

    [Fact]
    public void Given_agent_back_online_after_offline_When_silent_again_Then_a_new_offline_event()
    {
        var lastSeen = T0.AddMinutes(1);
        var spec = OnlineWorker(lastSeen)
            .Given(new CheckLiveness(lastSeen.AddMinutes(11)), new RecordHeartbeat(lastSeen.AddMinutes(12)));

        Assert.Single(spec.When(new CheckLiveness(lastSeen.AddMinutes(23))));
    }

    [Fact]
    public void Given_woken_agent_awaiting_check_in_When_liveness_checked_Then_left_to_the_check_in_watch()
    {
        var spec = OnlineWorker(T0.AddMinutes(1))
            .Given(new UpdateAgent(NewTokenHash, T0.AddHours(1)) { Force = true }, new CompleteProvisioning(2, true, T0.AddHours(1)));

        Assert.Empty(spec.When(new CheckLiveness(T0.AddHours(1).AddSeconds(10))));
    }

    [Fact]
    public void Given_agent_never_seen_When_status_viewed_Then_reads_provisioning()
    {
        var spec = ProvisionedWorker();

        Assert.Equal(AgentStatus.Provisioning, AgentStatusView.Compute(spec.Agent, T0.AddMinutes(1)));
    }

    [Fact]
    public void Given_agent_silent_past_window_When_status_viewed_before_watchdog_Then_reads_offline()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        Assert.Equal(AgentStatus.Offline, AgentStatusView.Compute(spec.Agent, T0.AddMinutes(12)));
        Assert.Equal(AgentStatus.Online, AgentStatusView.Compute(spec.Agent, T0.AddMinutes(5)));
    }
}
