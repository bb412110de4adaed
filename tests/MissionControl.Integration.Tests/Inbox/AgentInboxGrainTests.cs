using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Common;
using MissionControl.Integration.Tests.Agents;
using MissionControl.Integration.Tests.Lifecycle;
using MissionControl.ReadModels.Inbox;
using MissionControl.ReadModels.Queries;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Inbox;

/// <summary>Agents writing to each other through the whole domain (the inbox grain, agent grains, read models) over PostgreSQL.</summary>
public sealed class AgentInboxGrainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private FakeGateway _gateway = null!;
    private TestCluster _cluster = null!;

    private IAgentInboxGrain Inbox(Guid agentId) => _cluster.Primary.Grains.GetGrain<IAgentInboxGrain>(agentId.ToString());

    public async Task InitializeAsync()
    {
        _gateway = FakeGateway.Start();
        _cluster = await DomainCluster.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Given_two_agents_When_one_writes_by_name_and_the_other_reports_Then_the_reply_comes_back_once_in_the_same_conversation()
    {
        var (_, boardId, gatewayId) = await OrganizationAsync();
        var alice = await AgentAsync("Alice", boardId, gatewayId);
        var bob = await AgentAsync("Bob", boardId, gatewayId);

        var sent = Assert.IsType<SendAccepted>(await Inbox(alice).Send(new InboxSend("Bob", "What is the status?", null, null), T0));
        var bobsPoll = await Inbox(bob).Poll(T0.AddMinutes(1));
        var message = Assert.Single(bobsPoll.Messages);
        var report = await Inbox(bob).Report(message.Id, "All green.", T0.AddMinutes(2));
        var repeat = await Inbox(bob).Report(message.Id, "All green.", T0.AddMinutes(3));
        var mismatch = await Assert.ThrowsAsync<DomainException>(() => Inbox(bob).Report(message.Id, "All red.", T0.AddMinutes(4)));
        var alicesPoll = await Inbox(alice).Poll(T0.AddMinutes(5));

        Assert.Equal((bob, "Bob", $"gw_agent_{alice}_{bob}"), (sent.TargetId, sent.TargetName, sent.ConversationId));
        Assert.Equal(("Alice", "What is the status?", sent.ConversationId), (message.SenderAgentName, message.Content, message.ConversationId));
        Assert.Contains(bobsPoll.Relationships, r => r is { Name: "Alice", Type: "agent", Role: "worker" } && r.Channels.SequenceEqual(["agent"]));
        Assert.Contains(bobsPoll.Relationships, r => r.Role == "gateway_main");
        Assert.False(report.Repeated);
        Assert.True(repeat.Repeated);
        Assert.Equal("gateway_result_mismatch", mismatch.Code);
        var reply = Assert.Single(alicesPoll.Messages);
        Assert.Equal((InboxIds.ReplyTo(message.Id), "Bob", "All green.", sent.ConversationId), (reply.Id, reply.SenderAgentName, reply.Content, reply.ConversationId));
        Assert.Single(await _cluster.Agent(alice).InboxMessages());
    }

    [Fact]
    public async Task Given_a_reply_When_its_receiver_reports_it_Then_nothing_is_bounced_back()
    {
        var (_, boardId, gatewayId) = await OrganizationAsync();
        var alice = await AgentAsync("Alice", boardId, gatewayId);
        var bob = await AgentAsync("Bob", boardId, gatewayId);
        await Inbox(alice).Send(new InboxSend(bob.ToString(), "hello", null, null), T0);
        var first = Assert.Single((await Inbox(bob).Poll(T0.AddMinutes(1))).Messages);
        await Inbox(bob).Report(first.Id, "hi back", T0.AddMinutes(2));
        var reply = Assert.Single((await Inbox(alice).Poll(T0.AddMinutes(3))).Messages);

        var outcome = await Inbox(alice).Report(reply.Id, "thanks", T0.AddMinutes(4));

        Assert.Null(outcome.Reply);
        Assert.Empty((await Inbox(bob).Poll(T0.AddMinutes(5))).Messages);
    }

    [Fact]
    public async Task Given_shared_names_empty_targets_substrings_and_people_When_sending_Then_each_is_refused_and_nothing_is_queued()
    {
        var (organizationId, boardId, gatewayId) = await OrganizationAsync();
        var otherBoard = await _cluster.BoardAsync(organizationId, gatewayId, "Other");
        var sender = await AgentAsync("Sender", boardId, gatewayId);
        var twinA = await AgentAsync("Twin", boardId, gatewayId);
        var twinB = await AgentAsync("Twin", otherBoard, gatewayId);

        var ambiguous = Assert.IsType<SendAmbiguous>(await Inbox(sender).Send(new InboxSend("Twin", "hi", null, null), T0));
        var empty = await Assert.ThrowsAsync<DomainException>(() => Inbox(sender).Send(new InboxSend("  ", "hi", null, null), T0));
        var substring = await Assert.ThrowsAsync<DomainException>(() => Inbox(sender).Send(new InboxSend("Tw", "hi", null, null), T0));
        var caseFolded = await Assert.ThrowsAsync<DomainException>(() => Inbox(sender).Send(new InboxSend("twin", "hi", null, null), T0));
        var person = await Inbox(sender).Send(new InboxSend("Twin", "hi", "feishu", null), T0);
        var address = await Inbox(sender).Send(new InboxSend("ada@example.test", "hi", null, null), T0);
        var self = await Assert.ThrowsAsync<DomainException>(() => Inbox(sender).Send(new InboxSend("Sender", "hi", null, null), T0));

        Assert.Equal(new[] { twinA, twinB }.Order(), ambiguous.Candidates.Order());
        Assert.Equal(DomainErrorKind.Validation, empty.Kind);
        Assert.Equal((DomainErrorKind.NotFound, "Target 'Tw' not found. Check the gateway directory payload returned by poll."), (substring.Kind, substring.Detail));
        Assert.Equal(DomainErrorKind.NotFound, caseFolded.Kind);
        Assert.IsType<SendToPerson>(person);
        Assert.IsType<SendToPerson>(address);
        Assert.Equal(DomainErrorKind.Validation, self.Kind);
        Assert.Empty(await _cluster.Agent(twinA).InboxMessages());
        Assert.Empty(await _cluster.Agent(twinB).InboxMessages());
    }

    [Fact]
    public async Task Given_agents_of_two_organizations_When_one_targets_the_other_by_id_or_name_or_reports_its_message_Then_it_is_unknown()
    {
        var (_, boardA, gatewayA) = await OrganizationAsync();
        var (_, boardB, gatewayB) = await OrganizationAsync();
        var inA = await AgentAsync("Alpha", boardA, gatewayA);
        var inB = await AgentAsync("Bravo", boardB, gatewayB);
        var peerOfB = await AgentAsync("Charlie", boardB, gatewayB);
        await Inbox(peerOfB).Send(new InboxSend("Bravo", "internal", null, null), T0);
        var bravosMessage = Assert.Single((await Inbox(inB).Poll(T0.AddMinutes(1))).Messages);

        var byId = await Assert.ThrowsAsync<DomainException>(() => Inbox(inA).Send(new InboxSend(inB.ToString(), "hi", null, null), T0));
        var byName = await Assert.ThrowsAsync<DomainException>(() => Inbox(inA).Send(new InboxSend("Bravo", "hi", null, null), T0));
        var report = await Assert.ThrowsAsync<DomainException>(() => Inbox(inA).Report(bravosMessage.Id, "mine now", T0));

        Assert.All([byId, byName, report], error => Assert.Equal(DomainErrorKind.NotFound, error.Kind));
        Assert.DoesNotContain((await Inbox(inA).Poll(T0.AddMinutes(2))).Relationships, r => r.Name is "Bravo" or "Charlie");
        Assert.Single(await _cluster.Agent(inB).InboxMessages());
    }

    [Fact]
    public async Task Given_a_message_id_When_the_same_send_is_repeated_Then_one_message_is_queued_and_reusing_the_id_for_other_content_is_refused()
    {
        var (_, boardId, gatewayId) = await OrganizationAsync();
        var sender = await AgentAsync("Sender", boardId, gatewayId);
        var target = await AgentAsync("Target", boardId, gatewayId);
        var messageId = Guid.NewGuid();
        var send = new InboxSend("Target", "only once", null, messageId);

        var first = Assert.IsType<SendAccepted>(await Inbox(sender).Send(send, T0));
        var second = Assert.IsType<SendAccepted>(await Inbox(sender).Send(send, T0.AddSeconds(1)));
        var reused = await Assert.ThrowsAsync<DomainException>(() => Inbox(sender).Send(send with { Content = "different" }, T0.AddSeconds(2)));

        Assert.Equal((messageId, false), (first.MessageId, first.Duplicate));
        Assert.Equal((messageId, true), (second.MessageId, second.Duplicate));
        Assert.Equal("gateway_message_mismatch", reused.Code);
        Assert.Equal([messageId], (await _cluster.Agent(target).InboxMessages()).Select(m => m.Id));
    }

    [Fact]
    public async Task Given_an_inbox_key_When_it_is_rotated_or_its_agent_deleted_Then_the_old_hash_no_longer_finds_anyone()
    {
        var (_, boardId, gatewayId) = await OrganizationAsync();
        var agentId = await AgentAsync("Keyholder", boardId, gatewayId);
        var issuer = _cluster.Service<InboxKeyIssuer>();
        var queries = _cluster.Service<InboxQueries>();

        var first = await issuer.IssueAsync(agentId);
        var firstFound = await queries.FindKeyOwnerAsync(await issuer.HashAsync(first));
        var second = await issuer.IssueAsync(agentId);
        var firstAfterRotation = await queries.FindKeyOwnerAsync(await issuer.HashAsync(first));
        var secondFound = await queries.FindKeyOwnerAsync(await issuer.HashAsync(second));
        await _cluster.Agent(agentId).Delete();
        var afterDeletion = await queries.FindKeyOwnerAsync(await issuer.HashAsync(second));

        Assert.Equal(agentId, firstFound?.AgentId);
        Assert.Null(firstAfterRotation);
        Assert.Equal(agentId, secondFound?.AgentId);
        Assert.Null(afterDeletion);
        Assert.DoesNotContain(first, await StreamTextAsync(agentId));
        Assert.DoesNotContain(second, await StreamTextAsync(agentId));
    }

    private async Task<string> StreamTextAsync(Guid agentId) =>
        string.Join('\n', (await _cluster.EventsAsync(agentId)).Select(e => System.Text.Json.JsonSerializer.Serialize(e, e.GetType())));

    private async Task<(Guid Organization, Guid Board, Guid Gateway)> OrganizationAsync()
    {
        var organizationId = Guid.NewGuid();
        var gatewayId = await _cluster.GatewayAsync(_gateway, organizationId);
        var boardId = await _cluster.BoardAsync(organizationId, gatewayId);
        return (organizationId, boardId, gatewayId);
    }

    private async Task<Guid> AgentAsync(string name, Guid boardId, Guid gatewayId)
    {
        var agentId = Guid.NewGuid();
        await _cluster.Agent(agentId).Register(new NewAgent(agentId, name, boardId, gatewayId));
        await _cluster.StatusAfterProvisioningAsync(agentId);
        return agentId;
    }
}
