using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Integration.Tests.Agents;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Inbox;

/// <summary>
/// Leased delivery on agent grains over PostgreSQL. Time is the poll's own <c>now</c>, so a lease
/// runs out by asking at a later time, never by sleeping.
/// </summary>
public sealed class InboxLeaseTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    private const int MaxDeliveries = 3;

    [Fact]
    public async Task Given_a_polled_message_that_is_not_reported_When_polled_after_the_visibility_deadline_Then_it_comes_back_and_not_before()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agent = await OnlineAgentAsync(cluster);
        var id = await QueueAsync(agent, "please summarise");

        var first = await agent.Poll(Poll(T0));
        var early = await agent.Poll(Poll(T0 + Lease - TimeSpan.FromSeconds(1)));
        var again = await agent.Poll(Poll(T0 + Lease));

        Assert.Equal([(id, 1)], first.Messages.Select(m => (m.Id, m.Attempt)));
        Assert.Equal(T0 + Lease, first.Messages[0].LeaseExpiresAt);
        Assert.Empty(early.Messages);
        Assert.Equal([(id, 2)], again.Messages.Select(m => (m.Id, m.Attempt)));
    }

    [Fact]
    public async Task Given_a_reported_message_When_polled_after_its_deadline_and_from_a_fresh_activation_Then_it_never_returns()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 2);
        var agentId = Guid.NewGuid();
        var agent = await OnlineAgentAsync(cluster, agentId);
        var id = await QueueAsync(agent, "ping");
        await agent.Poll(Poll(T0));
        await agent.Report(new InboxReport(id, "pong", T0.AddMinutes(1)));

        var later = await cluster.Agent(agentId, silo: 1).Poll(Poll(T0 + (Lease * 4)));

        Assert.Empty(later.Messages);
        var row = await cluster.Primary.Services.GetRequiredService<InboxQueries>().MessageAsync(agentId, id);
        Assert.Equal((InboxMessageStatus.Completed, "pong", 1), (row!.Status, row.Result, row.Deliveries));
    }

    [Fact]
    public async Task Given_a_message_delivered_the_maximum_times_unreported_When_polled_once_more_Then_it_is_dead_lettered_for_operators()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();
        var agent = await OnlineAgentAsync(cluster, agentId);
        var id = await QueueAsync(agent, "a task nobody finishes");

        var attempts = new List<int>();
        var at = T0;
        for (var i = 0; i < MaxDeliveries; i++, at += Lease)
            attempts.AddRange((await agent.Poll(Poll(at))).Messages.Select(m => m.Attempt));
        var afterMax = await agent.Poll(Poll(at));

        Assert.Equal([1, 2, 3], attempts);
        Assert.Empty(afterMax.Messages);
        var view = Assert.Single(await agent.InboxMessages());
        Assert.Equal((InboxMessageStatus.DeadLetter, MaxDeliveries), (view.Status, view.Deliveries));
        var row = await cluster.Primary.Services.GetRequiredService<InboxQueries>().MessageAsync(agentId, id);
        Assert.Equal((InboxMessageStatus.DeadLetter, "Delivered 3 times without a report"), (row!.Status, row.DeadLetterReason));
        Assert.Single((await cluster.EventsAsync(agentId)).OfType<AgentInboxMessageDeadLettered>());
    }

    [Fact]
    public async Task Given_two_silos_polling_the_same_agent_at_once_When_the_polls_race_Then_no_message_is_leased_twice()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 2);
        var agentId = Guid.NewGuid();
        var agent = await OnlineAgentAsync(cluster, agentId);
        var queued = new List<Guid>();
        for (var i = 0; i < 30; i++)
            queued.Add(await QueueAsync(agent, $"job {i}"));

        // Both silos have the agent active (and cached), then sixteen polls race within one lease.
        await cluster.Agent(agentId, silo: 1).GetPresence();
        var polls = Enumerable.Range(0, 16).Select(i => TryPollAsync(cluster.Agent(agentId, silo: i % 2), Poll(T0.AddSeconds(1), max: 4)));
        var results = await Task.WhenAll(polls);
        var leftover = await agent.Poll(Poll(T0.AddSeconds(2), max: 30));

        var leased = results.SelectMany(r => r).ToList();
        Assert.NotEmpty(leased);
        Assert.Equal(leased.Count, leased.Distinct().Count());
        Assert.Empty(leased.Intersect(leftover.Messages.Select(m => m.Id)));
        Assert.Equal(queued.Order(), leased.Concat(leftover.Messages.Select(m => m.Id)).Order());
    }

    [Fact]
    public async Task Given_messages_leased_on_a_silo_that_dies_When_another_silo_polls_Then_they_wait_out_the_lease_and_are_delivered_again()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 2);
        var agentId = Guid.NewGuid();
        var agent = await OnlineAgentAsync(cluster, agentId);
        var id = await QueueAsync(agent, "survive a crash");
        await agent.Poll(Poll(T0));

        var host = await cluster.HostOfAsync(agent);
        await host.KillAsync();
        var other = cluster.OtherThan(host).Grains.GetGrain<IAgentGrain>(agentId.ToString());

        Assert.Empty((await other.Poll(Poll(T0.AddMinutes(1)))).Messages);
        Assert.Equal([(id, 2)], (await other.Poll(Poll(T0 + Lease))).Messages.Select(m => (m.Id, m.Attempt)));
    }

    private static InboxPoll Poll(DateTimeOffset now, int max = 20) => new(max, now) { VisibilityTimeout = Lease, MaxDeliveries = MaxDeliveries };

    private static async Task<IReadOnlyList<Guid>> TryPollAsync(IAgentGrain agent, InboxPoll poll)
    {
        try
        {
            return [.. (await agent.Poll(poll)).Messages.Select(m => m.Id)];
        }
        catch (ConcurrencyException)
        {
            return []; // lost the race every round: it leased nothing, which is allowed
        }
    }

    private static async Task<Guid> QueueAsync(IAgentGrain agent, string content)
    {
        var id = Guid.NewGuid();
        await agent.QueueMessage(new InboxLetter(id, $"conversation-{id}", content, T0.AddMinutes(-1)));
        return id;
    }

    private static async Task<IAgentGrain> OnlineAgentAsync(TestCluster cluster, Guid? agentId = null)
    {
        var id = agentId ?? Guid.NewGuid();
        await cluster.Agent(id).Register(AgentCluster.Worker(id));
        await cluster.StatusAfterProvisioningAsync(id);
        return cluster.Agent(id);
    }
}
