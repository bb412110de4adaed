using System.Text.Json;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Security;
using static MissionControl.Grains.Tests.Agents.AgentSpec;
using static MissionControl.Grains.Tests.Agents.Inbox.InboxSpec;

namespace MissionControl.Grains.Tests.Agents.Inbox;

public class InboxContractTests
{
    [Fact]
    public void Given_every_inbox_event_When_round_tripped_through_json_Then_unchanged()
    {
        var id = Guid.NewGuid();
        var spec = OnlineWith();
        var history = new List<AgentEvent>();
        history.AddRange(spec.When(new IssueInboxKey(InboxKeys.Hash("s"u8, InboxKeys.Mint()), T0)));
        history.AddRange(spec.When(Letter(id) with { ReplyTo = Guid.NewGuid() }));
        for (var at = T0.AddMinutes(5); spec.Agent.Inbox.Open.Count > 0; at += Lease)
            history.AddRange(spec.When(Poll(at)));
        history.AddRange(spec.When(Report(id, "late", T0.AddDays(1))));

        Assert.Contains(history, e => e is AgentInboxLeaseExpired);
        Assert.Contains(history, e => e is AgentInboxMessageDeadLettered);
        Assert.All(history, e =>
        {
            var json = JsonSerializer.Serialize(e, e.GetType());
            Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, e.GetType()), e.GetType()));
        });
    }

    [Fact]
    public void Given_an_agent_with_an_inbox_When_snapshotted_and_restored_Then_the_inbox_survives()
    {
        var id = Guid.NewGuid();
        var state = OnlineWith(id, Guid.NewGuid()).Given(Poll(T0.AddMinutes(5)), Report(id, "ok", T0.AddMinutes(6))).Agent;
        var json = JsonSerializer.Serialize(state);

        var restored = JsonSerializer.Deserialize<AgentState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored));
        Assert.Single(restored.Inbox.Open);
        Assert.Equal("ok", restored.Inbox.Find(id)!.Result);
        Assert.DoesNotContain("IsOpen", json);
    }

    [Fact]
    public void Given_a_snapshot_written_before_the_inbox_existed_When_restored_Then_the_inbox_is_empty()
    {
        var json = JsonSerializer.Serialize(OnlineWorker(T0).Agent);
        var older = json.Replace(json[json.IndexOf(",\"Inbox\":", StringComparison.Ordinal)..^1], "", StringComparison.Ordinal);

        var restored = JsonSerializer.Deserialize<AgentState>(older)!;

        Assert.DoesNotContain("Inbox", older);
        Assert.Same(AgentInbox.Empty, restored.Inbox);
    }
}
