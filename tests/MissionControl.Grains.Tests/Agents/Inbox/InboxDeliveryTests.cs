using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Common;
using static MissionControl.Grains.Tests.Agents.AgentSpec;
using static MissionControl.Grains.Tests.Agents.Inbox.InboxSpec;

namespace MissionControl.Grains.Tests.Agents.Inbox;

public class InboxDeliveryTests
{
    private static readonly DateTimeOffset PollAt = T0.AddMinutes(5);

    [Fact]
    public void Given_a_queued_message_When_polled_Then_it_is_delivered_with_a_lease_and_the_poll_counts_as_a_heartbeat()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id);

        var events = spec.When(Poll(PollAt));

        Assert.Equal(new AgentHeartbeatRecorded(AgentStatus.Online, PollAt), events[0]);
        Assert.Equal(new AgentInboxMessageDelivered(id, 1, PollAt + Lease, PollAt), events[1]);
        var message = spec.Agent.Inbox.Find(id)!;
        Assert.Equal((InboxMessageStatus.Delivered, 1, PollAt + Lease), (message.Status, message.Deliveries, message.LeaseExpiresAt));
        Assert.Equal(PollAt, spec.Agent.LastSeenAt);
    }

    [Fact]
    public void Given_a_delivered_message_When_polled_again_before_its_lease_ends_Then_it_is_not_handed_out_twice()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id).Given(Poll(PollAt));

        var events = spec.When(Poll(PollAt + Lease - TimeSpan.FromSeconds(1)));

        Assert.Empty(events.DeliveredIds());
    }

    [Fact]
    public void Given_a_delivered_message_not_reported_When_polled_after_its_lease_Then_it_is_delivered_again_as_attempt_two()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id).Given(Poll(PollAt));
        var later = PollAt + Lease;

        var events = spec.When(Poll(later));

        Assert.Equal(new AgentInboxLeaseExpired(id, 1, later), events.OfType<AgentInboxLeaseExpired>().Single());
        Assert.Equal(new AgentInboxMessageDelivered(id, 2, later + Lease, later), events.OfType<AgentInboxMessageDelivered>().Single());
    }

    [Fact]
    public void Given_a_message_delivered_the_maximum_times_without_a_report_When_polled_again_Then_it_is_dead_lettered_and_not_returned()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id);
        var at = PollAt;
        for (var delivery = 1; delivery <= MaxDeliveries; delivery++, at += Lease)
            Assert.Equal([id], spec.When(Poll(at)).DeliveredIds());

        var events = spec.When(Poll(at));

        Assert.Empty(events.DeliveredIds());
        var dead = events.OfType<AgentInboxMessageDeadLettered>().Single();
        Assert.Equal((id, MaxDeliveries), (dead.MessageId, dead.Deliveries));
        Assert.Empty(spec.Agent.Inbox.Open);
        Assert.Equal(InboxMessageStatus.DeadLetter, spec.Agent.Inbox.Find(id)!.Status);
        Assert.Empty(spec.When(Poll(at + Lease)).DeliveredIds());
    }

    [Fact]
    public void Given_a_reported_message_When_polled_long_after_its_lease_Then_it_never_comes_back()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id).Given(Poll(PollAt), Report(id, "done", PollAt.AddMinutes(1)));

        var events = spec.When(Poll(PollAt + (Lease * 10)));

        Assert.Empty(events.DeliveredIds());
        Assert.Equal(InboxMessageStatus.Completed, spec.Agent.Inbox.Find(id)!.Status);
    }

    [Fact]
    public void Given_more_messages_than_the_poll_limit_When_polled_Then_the_oldest_are_delivered_first()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var spec = OnlineWith(ids);

        var first = spec.When(Poll(PollAt, max: 2)).DeliveredIds().ToList();
        var second = spec.When(Poll(PollAt.AddSeconds(1), max: 2)).DeliveredIds().ToList();

        Assert.Equal(ids[..2], first);
        Assert.Equal(ids[2..4], second);
    }

    [Fact]
    public void Given_a_failed_agent_When_it_polls_Then_it_stays_failed_and_still_gets_its_messages()
    {
        var id = Guid.NewGuid();
        var spec = NewWorker().Given(new FailProvisioning(1, "boom", T0), Letter(id));

        var events = spec.When(Poll(PollAt));

        Assert.DoesNotContain(events, e => e is AgentHeartbeatRecorded);
        Assert.Equal([id], events.DeliveredIds());
        Assert.Equal((AgentStatus.Failed, "boom"), (spec.Agent.Status, spec.Agent.LastProvisionError));
    }

    [Fact]
    public void Given_an_offline_agent_When_it_polls_Then_it_is_online_again()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new CheckLiveness(T0.AddHours(1)));

        spec.When(Poll(T0.AddHours(2)));

        Assert.Equal(AgentStatus.Online, spec.Agent.Status);
        Assert.Null(spec.Agent.OfflineReason);
    }

    [Fact]
    public void Given_an_agent_reporting_its_own_status_When_it_polls_Then_that_status_is_kept()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new RecordHeartbeat(T0.AddMinutes(2)) { Status = "stopped" });

        spec.When(Poll(T0.AddMinutes(3)));

        Assert.Equal("stopped", spec.Agent.Status);
    }

    [Fact]
    public void Given_a_deleting_agent_When_it_polls_Then_it_is_refused_and_not_revived()
    {
        var spec = OnlineWith(Guid.NewGuid()).Given(new StartDeletion(T0.AddMinutes(2)));

        var error = Assert.Throws<DomainException>(() => spec.When(Poll(PollAt)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        Assert.Equal(AgentStatus.Deleting, spec.Agent.Status);
    }

    [Fact]
    public void Given_a_deleted_agent_When_it_polls_or_checks_in_Then_not_found()
    {
        var spec = OnlineWorker(T0).Given(new StartDeletion(T0), new CompleteDeletion(T0));

        Assert.Equal(DomainErrorKind.NotFound, Assert.Throws<DomainException>(() => spec.When(Poll(PollAt))).Kind);
        Assert.Equal(DomainErrorKind.NotFound, Assert.Throws<DomainException>(() => spec.When(new RecordInboxLiveness(PollAt))).Kind);
    }
}
