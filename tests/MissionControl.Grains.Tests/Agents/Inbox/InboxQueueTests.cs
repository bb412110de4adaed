using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;
using static MissionControl.Grains.Tests.Agents.AgentSpec;
using static MissionControl.Grains.Tests.Agents.Inbox.InboxSpec;

namespace MissionControl.Grains.Tests.Agents.Inbox;

public class InboxQueueTests
{
    [Fact]
    public void Given_a_queued_message_When_the_same_id_is_queued_again_with_the_same_message_Then_nothing_is_added()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith().Given(Letter(id, "hi"));

        Assert.Empty(spec.When(Letter(id, "hi")));
        Assert.Single(spec.Agent.Inbox.Open);
    }

    [Fact]
    public void Given_a_queued_message_When_its_id_is_reused_for_other_content_Then_conflict()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith().Given(Letter(id, "hi"));

        var error = Assert.Throws<DomainException>(() => spec.When(Letter(id, "something else")));

        Assert.Equal((DomainErrorKind.Conflict, "gateway_message_mismatch"), (error.Kind, error.Code));
    }

    [Fact]
    public void Given_a_full_inbox_When_a_message_is_sent_Then_refused_but_a_reply_is_still_accepted()
    {
        var spec = OnlineWith().Given(Letter(Guid.NewGuid()) with { MaxOpenMessages = 1 });

        var error = Assert.Throws<DomainException>(() => spec.When(Letter(Guid.NewGuid()) with { MaxOpenMessages = 1 }));
        var reply = spec.When(Letter(Guid.NewGuid()) with { MaxOpenMessages = 1, ReplyTo = Guid.NewGuid() });

        Assert.Equal((DomainErrorKind.Conflict, "gateway_inbox_full"), (error.Kind, error.Code));
        Assert.IsType<AgentInboxMessageQueued>(Assert.Single(reply));
    }

    [Fact]
    public void Given_empty_or_oversized_content_When_queued_Then_validation_error()
    {
        var spec = OnlineWith();

        Assert.Equal(DomainErrorKind.Validation, Assert.Throws<DomainException>(() => spec.When(Letter(Guid.NewGuid(), " "))).Kind);
        Assert.Equal(DomainErrorKind.Validation,
            Assert.Throws<DomainException>(() => spec.When(Letter(Guid.NewGuid(), "toolong") with { MaxContentLength = 3 })).Kind);
    }

    [Fact]
    public void Given_a_deleting_agent_When_a_message_is_queued_Then_conflict()
    {
        var spec = OnlineWith().Given(new StartDeletion(T0.AddMinutes(1)));

        Assert.Equal(DomainErrorKind.Conflict, Assert.Throws<DomainException>(() => spec.When(Letter(Guid.NewGuid()))).Kind);
    }

    [Fact]
    public void Given_many_finished_messages_When_folded_Then_state_keeps_only_the_recent_tail()
    {
        var spec = OnlineWith();
        var at = T0.AddMinutes(1);
        var ids = new List<Guid>();
        for (var i = 0; i < AgentInbox.RecentLimit + 10; i++, at = at.AddSeconds(1))
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            spec.Given(Letter(id, $"m{i}", at), Poll(at), Report(id, "ok", at));
        }

        Assert.Equal(AgentInbox.RecentLimit, spec.Agent.Inbox.Recent.Count);
        Assert.Equal(ids[^AgentInbox.RecentLimit..], spec.Agent.Inbox.Recent.Select(m => m.Id));
        Assert.Empty(spec.Agent.Inbox.Open);
    }

    [Fact]
    public void Given_an_agent_When_an_inbox_key_hash_is_issued_Then_it_is_recorded_and_a_raw_key_is_refused()
    {
        var spec = OnlineWith();
        var key = InboxKeys.Mint();
        var hash = InboxKeys.Hash("server-secret-of-at-least-32-chars!!"u8, key);

        var events = spec.When(new IssueInboxKey(hash, T0.AddMinutes(3)));

        Assert.Equal(new AgentInboxKeyIssued(hash, T0.AddMinutes(3)), Assert.Single(events));
        Assert.Equal(T0.AddMinutes(3), spec.Agent.Inbox.KeyIssuedAt);
        Assert.Throws<ArgumentException>(() => spec.When(new IssueInboxKey(key, T0.AddMinutes(4))));
    }

    [Fact]
    public void Minted_inbox_keys_are_oc_plus_43_url_safe_characters_and_hash_with_the_secret()
    {
        var key = InboxKeys.Mint();

        Assert.Matches("^oc-[A-Za-z0-9_-]{43}$", key);
        Assert.True(InboxKeys.LooksLikeKey(key));
        Assert.NotEqual(InboxKeys.Mint(), key);
        Assert.Equal(InboxKeys.Hash("a"u8, key), InboxKeys.Hash("a"u8, key));
        Assert.NotEqual(InboxKeys.Hash("a"u8, key), InboxKeys.Hash("b"u8, key));
        Assert.True(InboxKeys.IsWellFormedHash(InboxKeys.Hash("a"u8, key)));
    }
}
