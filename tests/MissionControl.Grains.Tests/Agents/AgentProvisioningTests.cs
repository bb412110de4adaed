using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;
using static MissionControl.Grains.Tests.Agents.AgentSpec;

namespace MissionControl.Grains.Tests.Agents;

public class AgentProvisioningTests
{
    [Fact]
    public void Given_provision_in_progress_When_step_recorded_Then_step_is_visible_with_what_was_sent_and_answered()
    {
        var spec = NewWorker();

        spec.When(new RecordProvisionStep(1, "agents.create", "name=mc-abc workspace=/ws/workspace-mc-abc", "ok", T0.AddSeconds(1)));

        var step = Assert.Single(spec.Agent.LastProvision!.Steps);
        Assert.Equal("agents.create", step.Name);
        Assert.Equal("ok", step.Answer);
        Assert.Equal(T0.AddSeconds(1), spec.Agent.LastProvision.LastProgressAt);
    }

    [Fact]
    public void Given_provision_in_progress_When_step_mentions_a_token_Then_token_is_masked()
    {
        var spec = NewWorker();

        spec.When(new RecordProvisionStep(1, "files.set TOOLS.md", "AUTH_TOKEN=s3cr3t-value url=ws://gw?token=abc123", "ok", T0));

        var sent = spec.Agent.LastProvision!.Steps[0].Sent;
        Assert.DoesNotContain("s3cr3t-value", sent);
        Assert.DoesNotContain("abc123", sent);
        Assert.Contains("AUTH_TOKEN=***", sent);
    }

    [Fact]
    public void Given_provision_in_progress_When_step_text_is_long_Then_it_is_kept_brief()
    {
        var spec = NewWorker();

        spec.When(new RecordProvisionStep(1, "files.set AGENTS.md", new string('x', 5000), "ok", T0));

        Assert.Equal(AgentDecider.MaxStepTextLength, spec.Agent.LastProvision!.Steps[0].Sent.Length);
    }

    [Fact]
    public void Given_superseded_attempt_When_old_generation_records_step_Then_conflict()
    {
        var spec = NewWorker().Given(new FailProvisioning(1, "boom", T0), new RetryProvisioning(NewTokenHash, T0));

        var error = Assert.Throws<DomainException>(() => spec.When(new RecordProvisionStep(1, "agents.create", "", "", T0)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Given_provision_in_progress_When_completed_with_wake_Then_online_awaiting_check_in_within_30_seconds()
    {
        var spec = NewWorker();

        spec.When(new CompleteProvisioning(1, WakeSent: true, T0.AddSeconds(10)));

        Assert.Equal(AgentStatus.Online, spec.Agent.Status);
        Assert.Equal(ProvisionOutcome.Completed, spec.Agent.LastProvision!.Outcome);
        Assert.Equal(1, spec.Agent.WakeAttempts);
        Assert.Equal(T0.AddSeconds(40), spec.Agent.CheckInDeadline);
    }

    [Fact]
    public void Given_completed_attempt_When_completed_again_Then_no_event()
    {
        var spec = ProvisionedWorker();

        Assert.Empty(spec.When(new CompleteProvisioning(1, WakeSent: true, T0.AddMinutes(1))));
        Assert.Equal(1, spec.Agent.WakeAttempts);
    }

    [Fact]
    public void Given_provision_in_progress_When_failed_Then_failed_status_with_error_recorded()
    {
        var spec = NewWorker();

        spec.When(new FailProvisioning(1, "Gateway provision failed: connection refused", T0.AddSeconds(3)));

        Assert.Equal(AgentStatus.Failed, spec.Agent.Status);
        Assert.Equal("Gateway provision failed: connection refused", spec.Agent.LastProvisionError);
        Assert.Equal(ProvisionOutcome.Failed, spec.Agent.LastProvision!.Outcome);
    }

    [Fact]
    public void Given_failed_attempt_When_failed_again_Then_no_event()
    {
        var spec = NewWorker().Given(new FailProvisioning(1, "boom", T0));

        Assert.Empty(spec.When(new FailProvisioning(1, "boom again", T0)));
        Assert.Equal("boom", spec.Agent.LastProvisionError);
    }

    [Fact]
    public void Given_completed_attempt_When_failed_Then_conflict()
    {
        var spec = ProvisionedWorker();

        Assert.Throws<DomainException>(() => spec.When(new FailProvisioning(1, "late", T0)));
    }

    [Fact]
    public void Given_failed_provision_When_retried_Then_token_rotated_and_new_generation_started()
    {
        var spec = NewWorker().Given(new FailProvisioning(1, "boom", T0));

        var events = spec.When(new RetryProvisioning(NewTokenHash, T0.AddMinutes(1)));

        Assert.Equal(new AgentTokenRotated(NewTokenHash, T0.AddMinutes(1)), events[0]);
        Assert.Equal(new AgentProvisionStarted(2, ProvisionAction.Provision, false, true, T0.AddMinutes(1)), events[1]);
        Assert.Equal(AgentStatus.Provisioning, spec.Agent.Status);
        Assert.Equal(NewTokenHash, spec.Agent.TokenHash);
    }

    [Fact]
    public void Given_interrupted_provision_When_retried_Then_new_attempt_supersedes_it()
    {
        var spec = NewWorker().Given(new RecordProvisionStep(1, "agents.create", "", "ok", T0));

        spec.When(new RetryProvisioning(NewTokenHash, T0.AddMinutes(1)));

        Assert.Equal(2, spec.Agent.LastProvision!.Generation);
        Assert.Empty(spec.Agent.LastProvision.Steps);
    }

    [Fact]
    public void Given_completed_provision_When_retried_Then_conflict()
    {
        var spec = ProvisionedWorker();

        var error = Assert.Throws<DomainException>(() => spec.When(new RetryProvisioning(NewTokenHash, T0)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Given_provision_silent_past_stuck_window_When_progress_checked_Then_marked_failed_as_interrupted()
    {
        var spec = NewWorker().Given(new RecordProvisionStep(1, "agents.create", "", "ok", T0.AddSeconds(2)));

        var events = spec.When(new CheckProvisionProgress(TimeSpan.FromMinutes(5), T0.AddMinutes(6)));

        var failed = Assert.IsType<AgentProvisionFailed>(Assert.Single(events));
        Assert.StartsWith("Provisioning interrupted", failed.Error);
        Assert.Equal(AgentStatus.Failed, spec.Agent.Status);
    }

    [Fact]
    public void Given_provision_making_progress_When_progress_checked_Then_no_event()
    {
        var spec = NewWorker().Given(new RecordProvisionStep(1, "agents.create", "", "ok", T0.AddMinutes(4)));

        Assert.Empty(spec.When(new CheckProvisionProgress(TimeSpan.FromMinutes(5), T0.AddMinutes(6))));
    }

    [Fact]
    public void Given_stuck_provision_already_failed_When_progress_checked_again_Then_no_event()
    {
        var spec = NewWorker().Given(new CheckProvisionProgress(TimeSpan.FromMinutes(5), T0.AddMinutes(6)));

        Assert.Empty(spec.When(new CheckProvisionProgress(TimeSpan.FromMinutes(5), T0.AddMinutes(20))));
    }
}
