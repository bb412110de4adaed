using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using static MissionControl.Grains.Tests.Agents.AgentSpec;

namespace MissionControl.Grains.Tests.Agents;

public class AgentCheckInTests
{
    private static readonly DateTimeOffset WokenAt = T0.AddSeconds(5);

    [Fact]
    public void Given_woken_agent_before_deadline_When_check_in_checked_Then_no_event()
    {
        var spec = ProvisionedWorker();

        Assert.Empty(spec.When(new CheckCheckIn(NewTokenHash, WokenAt.AddSeconds(29))));
    }

    [Fact]
    public void Given_woken_agent_silent_past_deadline_When_check_in_checked_Then_woken_again_with_fresh_token()
    {
        var spec = ProvisionedWorker();

        var events = spec.When(new CheckCheckIn(NewTokenHash, WokenAt.AddSeconds(31)));

        Assert.Collection(
            events,
            e => Assert.Equal(new AgentCheckInMissed(1, WokenAt.AddSeconds(31)), e),
            e => Assert.IsType<AgentTokenRotated>(e),
            e => Assert.Equal(new AgentProvisionStarted(2, ProvisionAction.Update, false, true, WokenAt.AddSeconds(31)), e));
        Assert.Null(spec.Agent.CheckInDeadline);
    }

    [Fact]
    public void Given_agent_never_checking_in_When_woken_three_times_Then_marked_offline_with_reason()
    {
        var spec = ProvisionedWorker();
        var now = WokenAt;
        for (var generation = 2; generation <= 3; generation++)
        {
            now = now.AddSeconds(31);
            spec.Given(new CheckCheckIn(NewTokenHash, now), new CompleteProvisioning(generation, WakeSent: true, now));
        }

        var events = spec.When(new CheckCheckIn(NewTokenHash, now.AddSeconds(31)));

        var offline = Assert.IsType<AgentWentOffline>(Assert.Single(events));
        Assert.Equal(AgentDefaults.NeverCheckedInReason, offline.Reason);
        Assert.Equal(AgentStatus.Offline, spec.Agent.Status);
        Assert.Equal(3, spec.Agent.WakeAttempts);
        Assert.Equal(AgentDefaults.NeverCheckedInReason, spec.Agent.OfflineReason);
    }

    [Fact]
    public void Given_agent_given_up_as_offline_When_check_in_checked_again_Then_no_event()
    {
        var spec = ProvisionedWorker().Given(new CheckCheckIn(NewTokenHash, WokenAt.AddSeconds(31)) { MaxWakeAttempts = 1 });

        Assert.Empty(spec.When(new CheckCheckIn(NewTokenHash, WokenAt.AddMinutes(5))));
    }

    [Fact]
    public void Given_woken_agent_When_it_heartbeats_Then_check_in_wait_and_wake_count_reset()
    {
        var spec = ProvisionedWorker();

        spec.When(new RecordHeartbeat(WokenAt.AddSeconds(3)));

        Assert.Null(spec.Agent.CheckInDeadline);
        Assert.Equal(0, spec.Agent.WakeAttempts);
        Assert.Empty(spec.When(new CheckCheckIn(NewTokenHash, WokenAt.AddMinutes(1))));
    }

    [Fact]
    public void Given_re_wake_provision_in_progress_When_check_in_checked_Then_no_second_attempt()
    {
        var spec = ProvisionedWorker().Given(new CheckCheckIn(NewTokenHash, WokenAt.AddSeconds(31)));

        Assert.Empty(spec.When(new CheckCheckIn(NewTokenHash, WokenAt.AddMinutes(2))));
    }
}
