using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Common;
using static MissionControl.Grains.Tests.Agents.AgentSpec;
using static MissionControl.Grains.Tests.Agents.Inbox.InboxSpec;

namespace MissionControl.Grains.Tests.Agents.Inbox;

public class InboxReportTests
{
    private static readonly DateTimeOffset PollAt = T0.AddMinutes(5);

    [Fact]
    public void Given_a_delivered_message_When_reported_Then_completed_with_the_result()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id).Given(Poll(PollAt));

        var events = spec.When(Report(id, "done", PollAt.AddMinutes(1)));

        Assert.Equal(new AgentInboxMessageCompleted(id, "done", PollAt.AddMinutes(1)), Assert.Single(events));
        var message = spec.Agent.Inbox.Find(id)!;
        Assert.Equal((InboxMessageStatus.Completed, "done"), (message.Status, message.Result));
        Assert.Empty(spec.Agent.Inbox.Open);
    }

    [Fact]
    public void Given_a_completed_message_When_the_same_result_is_reported_again_Then_nothing_changes()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id).Given(Poll(PollAt), Report(id, "done", PollAt.AddMinutes(1)));

        Assert.Empty(spec.When(Report(id, "done", PollAt.AddMinutes(2))));
    }

    [Fact]
    public void Given_a_completed_message_When_a_different_result_is_reported_Then_conflict_with_the_mismatch_code()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id).Given(Poll(PollAt), Report(id, "done", PollAt.AddMinutes(1)));

        var error = Assert.Throws<DomainException>(() => spec.When(Report(id, "something else", PollAt.AddMinutes(2))));

        Assert.Equal((DomainErrorKind.Conflict, "gateway_result_mismatch"), (error.Kind, error.Code));
    }

    [Fact]
    public void Given_a_message_never_delivered_When_reported_Then_refused()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id);

        var error = Assert.Throws<DomainException>(() => spec.When(Report(id, "done", PollAt)));

        Assert.Equal((DomainErrorKind.Conflict, "gateway_message_not_delivered"), (error.Kind, error.Code));
        Assert.Equal(InboxMessageStatus.Pending, spec.Agent.Inbox.Find(id)!.Status);
    }

    [Fact]
    public void Given_an_unknown_message_When_reported_Then_not_found()
    {
        var error = Assert.Throws<DomainException>(() => OnlineWith(Guid.NewGuid()).When(Report(Guid.NewGuid(), "done", PollAt)));

        Assert.Equal((DomainErrorKind.NotFound, "Message not found"), (error.Kind, error.Detail));
    }

    [Fact]
    public void Given_an_empty_result_When_reported_Then_validation_error()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id).Given(Poll(PollAt));

        Assert.Equal(DomainErrorKind.Validation, Assert.Throws<DomainException>(() => spec.When(Report(id, "  ", PollAt))).Kind);
    }

    [Fact]
    public void Given_a_dead_lettered_message_When_its_agent_reports_it_late_Then_the_answer_is_kept()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith(id).Given(
            Poll(PollAt), Poll(PollAt + Lease), Poll(PollAt + (Lease * 2)), Poll(PollAt + (Lease * 3)));
        Assert.Equal(InboxMessageStatus.DeadLetter, spec.Agent.Inbox.Find(id)!.Status);

        spec.When(Report(id, "late but done", PollAt + (Lease * 4)));

        Assert.Equal((InboxMessageStatus.Completed, "late but done"), (spec.Agent.Inbox.Find(id)!.Status, spec.Agent.Inbox.Find(id)!.Result));
    }

    [Fact]
    public void Given_a_conversation_with_an_answered_message_When_the_next_message_is_polled_Then_its_history_holds_both_turns()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var spec = OnlineWith(first).Given(Poll(PollAt), Report(first, "answer one", PollAt.AddMinutes(1)), Letter(second, "question two", PollAt.AddMinutes(2)));

        var history = InboxHistory.Before(spec.Agent, spec.Agent.Inbox.Find(second)!);

        Assert.Equal(
            [("user", "message 0", "Sender"), ("assistant", "answer one", "Worker One")],
            history.Select(h => (h.Role, h.Content, h.SenderName)));
    }
}
