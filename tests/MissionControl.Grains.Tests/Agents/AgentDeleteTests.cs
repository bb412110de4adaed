using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;
using static MissionControl.Grains.Tests.Agents.AgentSpec;

namespace MissionControl.Grains.Tests.Agents;

public class AgentDeleteTests
{
    [Fact]
    public void Given_online_agent_When_deletion_started_Then_deleting()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        Assert.Equal(new AgentDeletionStarted(T0.AddMinutes(2)), Assert.Single(spec.When(new StartDeletion(T0.AddMinutes(2)))));
        Assert.Equal(AgentStatus.Deleting, spec.Agent.Status);
    }

    [Fact]
    public void Given_deleting_agent_When_cleanup_completes_Then_deleted()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartDeletion(T0.AddMinutes(2)));

        spec.When(new CompleteDeletion(T0.AddMinutes(3)));

        Assert.Equal(AgentStatus.Deleted, spec.Agent.Status);
    }

    [Fact]
    public void Given_deleted_agent_When_deleted_again_Then_no_event()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartDeletion(T0), new CompleteDeletion(T0));

        Assert.Empty(spec.When(new StartDeletion(T0.AddMinutes(5))));
        Assert.Empty(spec.When(new CompleteDeletion(T0.AddMinutes(5))));
    }

    [Fact]
    public void Given_no_agent_When_deletion_started_Then_no_event()
    {
        Assert.Empty(AgentDecider.Decide(null, new StartDeletion(T0)));
    }

    [Fact]
    public void Given_deleting_agent_When_deletion_started_again_Then_no_event()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartDeletion(T0.AddMinutes(2)));

        Assert.Empty(spec.When(new StartDeletion(T0.AddMinutes(3))));
    }

    [Fact]
    public void Given_deleting_agent_When_cleanup_fails_Then_stays_deleting_with_error()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartDeletion(T0.AddMinutes(2)));

        spec.When(new FailDeletion("Gateway cleanup failed: timeout", T0.AddMinutes(3)));

        Assert.Equal(AgentStatus.Deleting, spec.Agent.Status);
        Assert.Equal("Gateway cleanup failed: timeout", spec.Agent.LastDeleteError);
    }

    [Fact]
    public void Given_online_agent_When_deletion_completed_without_start_Then_conflict()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var error = Assert.Throws<DomainException>(() => spec.When(new CompleteDeletion(T0)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Given_deleted_agent_When_heartbeat_Then_not_found()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartDeletion(T0), new CompleteDeletion(T0));

        var error = Assert.Throws<DomainException>(() => spec.When(new RecordHeartbeat(T0.AddMinutes(9))));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Given_deleting_agent_When_heartbeat_Then_seen_but_still_deleting()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartDeletion(T0.AddMinutes(2)));

        spec.When(new RecordHeartbeat(T0.AddMinutes(3)));

        Assert.Equal(AgentStatus.Deleting, spec.Agent.Status);
        Assert.Equal(T0.AddMinutes(3), spec.Agent.LastSeenAt);
    }

    [Fact]
    public void Given_deleting_agent_When_late_provision_completes_Then_status_stays_deleting()
    {
        var spec = NewWorker().Given(new StartDeletion(T0.AddSeconds(1)));

        spec.When(new CompleteProvisioning(1, true, T0.AddSeconds(2)));

        Assert.Equal(AgentStatus.Deleting, spec.Agent.Status);
    }

    [Fact]
    public void Given_deleted_agent_When_watchdogs_fire_Then_no_events()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartDeletion(T0), new CompleteDeletion(T0));

        Assert.Empty(spec.When(new CheckLiveness(T0.AddHours(1))));
        Assert.Empty(spec.When(new CheckCheckIn(NewTokenHash, T0.AddHours(1))));
        Assert.Empty(spec.When(new CheckProvisionProgress(TimeSpan.FromMinutes(1), T0.AddHours(1))));
    }
}
