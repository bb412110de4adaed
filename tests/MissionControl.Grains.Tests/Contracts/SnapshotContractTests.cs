using System.Text.Json;
using MissionControl.Grains.Boards;
using MissionControl.Grains.Gateways;
using MissionControl.Grains.Organizations;
using MissionControl.Grains.Tasks;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.Grains.Tests.Contracts;

public class SnapshotContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Given_organization_with_member_grants_and_invites_When_events_and_state_round_tripped_Then_unchanged()
    {
        var owner = Guid.NewGuid();
        var board = Guid.NewGuid();
        var grants = new Dictionary<Guid, BoardGrant> { [board] = new(true, true) };
        var events = OrganizationDecider.Decide(null, new CreateOrganization(Guid.NewGuid(), "Acme", owner, "o@a.test", T0)).ToList();
        var state = OrganizationEvolver.Fold(events)!;
        var invite = OrganizationDecider.Decide(state, new CreateInvite(owner, Guid.NewGuid(), "m@a.test", "h", "member", false, false, grants, new HashSet<Guid> { board }, T0));
        events.AddRange(invite);
        state = OrganizationEvolver.Fold(invite, state)!;

        Assert.All(events, e => AssertRoundTrips(e, e.GetType()));
        AssertRoundTrips(state, typeof(OrganizationState));
        var restored = JsonSerializer.Deserialize<OrganizationState>(JsonSerializer.Serialize(state))!;
        Assert.Equal(new BoardGrant(true, true), restored.PendingInvites.Values.Single().BoardAccess[board]);
    }

    [Fact]
    public void Given_board_gateway_and_task_When_events_and_states_round_tripped_Then_unchanged()
    {
        var org = Guid.NewGuid();
        var gatewayEvents = GatewayDecider.Decide(null, new RegisterGateway(Guid.NewGuid(), org, "G", "wss://gw.test", "/ws", T0) { Token = "t" });
        var boardEvents = BoardDecider.Decide(null, new CreateBoard(Guid.NewGuid(), org, "B", "d", new GatewayFacts(Guid.NewGuid(), org, true), T0));
        var taskEvents = TaskDecider.Decide(null, new CreateTask(Guid.NewGuid(), Guid.NewGuid(), "T", T0) { Status = TaskStatus.InProgress });

        Assert.All(gatewayEvents.Cast<object>().Concat(boardEvents).Concat(taskEvents), e => AssertRoundTrips(e, e.GetType()));
        AssertRoundTrips(GatewayEvolver.Fold(gatewayEvents)!, typeof(GatewayState));
        AssertRoundTrips(BoardEvolver.Fold(boardEvents)!, typeof(BoardState));
        AssertRoundTrips(TaskEvolver.Fold(taskEvents)!, typeof(TaskState));
    }

    private static void AssertRoundTrips(object value, Type type)
    {
        var json = JsonSerializer.Serialize(value, type);
        var restored = JsonSerializer.Deserialize(json, type)!;
        Assert.Equal(json, JsonSerializer.Serialize(restored, type));
    }
}
