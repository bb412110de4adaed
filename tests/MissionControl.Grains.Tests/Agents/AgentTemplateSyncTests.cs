using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;
using static MissionControl.Grains.Tests.Agents.AgentSpec;

namespace MissionControl.Grains.Tests.Agents;

public class AgentTemplateSyncTests
{
    [Fact]
    public void Given_online_agent_When_template_sync_starts_without_rotation_Then_an_attempt_starts_quietly_and_the_token_stays()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var events = spec.When(new StartTemplateSync(T0.AddMinutes(2)) { ResetSession = true });

        var started = Assert.IsType<AgentProvisionStarted>(Assert.Single(events));
        Assert.Equal(ProvisionAction.TemplateSync, started.Action);
        Assert.False(started.Wake);
        Assert.True(started.ResetSession);
        Assert.Equal(TokenHash, spec.Agent.TokenHash);
        Assert.Equal(AgentStatus.Online, spec.Agent.Status);
    }

    [Fact]
    public void Given_online_agent_When_template_sync_rotates_the_token_Then_the_new_hash_is_recorded_before_the_attempt()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var events = spec.When(new StartTemplateSync(T0.AddMinutes(2)) { NewTokenHash = NewTokenHash, NewTokenLookup = "abcdEFGH" });

        Assert.Collection(events,
            e => Assert.Equal("abcdEFGH", Assert.IsType<AgentTokenRotated>(e).TokenLookup),
            e => Assert.IsType<AgentProvisionStarted>(e));
        Assert.Equal(NewTokenHash, spec.Agent.TokenHash);
    }

    [Fact]
    public void Given_template_sync_in_progress_When_it_fails_Then_the_agent_keeps_its_status_and_the_error_is_recorded()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartTemplateSync(T0.AddMinutes(2)));

        spec.When(new FailProvisioning(2, "gateway said no", T0.AddMinutes(3)));

        Assert.Equal(AgentStatus.Online, spec.Agent.Status);
        Assert.Equal("gateway said no", spec.Agent.LastProvisionError);
    }

    [Fact]
    public void Given_online_agent_When_template_sync_asks_to_overwrite_Then_the_attempt_carries_it_and_a_retry_keeps_it()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var started = Assert.IsType<AgentProvisionStarted>(Assert.Single(spec.When(new StartTemplateSync(T0.AddMinutes(2)) { Overwrite = true })));
        spec.Given(new FailProvisioning(2, "gateway said no", T0.AddMinutes(3)));
        var retried = spec.When(new RetryProvisioning(NewTokenHash, T0.AddMinutes(4))).OfType<AgentProvisionStarted>().Single();

        Assert.True(started.Overwrite);
        Assert.True(retried.Overwrite);
        Assert.True(spec.Agent.LastProvision!.Overwrite);
    }

    [Fact]
    public void Given_online_agent_When_template_sync_starts_plainly_Then_it_does_not_overwrite()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        spec.When(new StartTemplateSync(T0.AddMinutes(2)));

        Assert.False(spec.Agent.LastProvision!.Overwrite);
    }

    [Fact]
    public void Given_provision_in_progress_When_template_sync_starts_Then_conflict()
    {
        var spec = NewWorker();

        var error = Assert.Throws<DomainException>(() => spec.When(new StartTemplateSync(T0)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Given_interrupted_attempts_When_retried_automatically_Then_the_retry_count_grows_and_a_person_retrying_resets_it()
    {
        var spec = NewWorker()
            .Given(new CheckProvisionProgress(TimeSpan.FromMinutes(2), T0.AddMinutes(3)))
            .Given(new RetryProvisioning(NewTokenHash, T0.AddMinutes(3)) { Automatic = true })
            .Given(new CheckProvisionProgress(TimeSpan.FromMinutes(2), T0.AddMinutes(6)));

        var automatic = spec.When(new RetryProvisioning(NewTokenHash, T0.AddMinutes(6)) { Automatic = true });
        Assert.Equal(2, automatic.OfType<AgentProvisionStarted>().Single().AutoRetry);
        Assert.Equal(2, spec.Agent.LastProvision!.AutoRetry);

        spec.Given(new FailProvisioning(3, "still down", T0.AddMinutes(7)));
        var manual = spec.When(new RetryProvisioning(NewTokenHash, T0.AddMinutes(8)));
        Assert.Equal(0, manual.OfType<AgentProvisionStarted>().Single().AutoRetry);
    }

    [Fact]
    public void Given_new_agent_When_created_with_a_lookup_key_Then_the_created_event_carries_it()
    {
        var spec = new AgentSpec();

        var events = spec.When(CreateWorker() with { TokenLookup = "lookup01" });

        Assert.Equal("lookup01", events.OfType<AgentCreated>().Single().TokenLookup);
    }
}
