using MissionControl.Grains.Access;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;
using MissionControl.Grains.Tests.Agents;
using static MissionControl.Grains.Tests.Access.BoardAccessTests;

namespace MissionControl.Grains.Tests.Access;

public class AgentAccessTests
{
    private static readonly Guid LeadBoard = Guid.NewGuid();
    private static readonly AgentActor Lead = new(Guid.NewGuid(), LeadBoard, Guid.NewGuid(), IsBoardLead: true);

    private static AgentState Worker(Guid? boardId = null, bool lead = false) =>
        new AgentSpec().Given(AgentSpec.CreateWorker() with { BoardId = boardId ?? LeadBoard, IsBoardLead = lead }).Agent;

    private static AgentState MainAgent() =>
        new AgentSpec().Given(AgentSpec.CreateWorker() with { BoardId = null, IsGatewayMain = true }).Agent;

    [Fact]
    public void Given_lead_When_creating_on_other_board_Then_forbidden_with_detail()
    {
        var error = Assert.Throws<DomainException>(() => AgentAccess.ResolveCreateBoard(Lead, Guid.NewGuid()));

        Assert.Equal("Board leads can only create agents in their own board", error.Detail);
    }

    [Fact]
    public void Given_lead_When_creating_without_board_Then_forced_to_own_board()
    {
        Assert.Equal(LeadBoard, AgentAccess.ResolveCreateBoard(Lead, null));
    }

    [Fact]
    public void Given_worker_agent_When_creating_agent_Then_only_leads_may()
    {
        var worker = Lead with { IsBoardLead = false };

        var error = Assert.Throws<DomainException>(() => AgentAccess.ResolveCreateBoard(worker, null));

        Assert.Equal("Only board leads can create agents", error.Detail);
    }

    [Fact]
    public void Given_plain_member_When_creating_agent_Then_forbidden()
    {
        Assert.Throws<DomainException>(() => AgentAccess.ResolveCreateBoard(new UserActor(Guid.NewGuid(), Member()), LeadBoard));
    }

    [Fact]
    public void Given_board_at_worker_cap_When_creating_worker_Then_conflict_with_limit_detail()
    {
        var error = Assert.Throws<DomainException>(() => AgentAccess.EnsureWorkerCapacity(maxAgents: 1, currentWorkers: 1));

        Assert.Equal(
            "Board worker-agent limit reached: max_agents=1 (excluding the lead); cannot create more than 1 agent(s).",
            error.Detail);
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Given_existing_name_in_other_case_When_creating_Then_conflict_on_board()
    {
        var error = Assert.Throws<DomainException>(() => AgentAccess.EnsureUniqueName("researcher", ["Researcher"], []));

        Assert.Equal("An agent with this name already exists on this board.", error.Detail);
    }

    [Fact]
    public void Given_existing_name_on_same_gateway_When_creating_Then_conflict_on_workspace()
    {
        var error = Assert.Throws<DomainException>(() => AgentAccess.EnsureUniqueName("Researcher", ["Other"], ["RESEARCHER"]));

        Assert.Equal("An agent with this name already exists in this gateway workspace.", error.Detail);
    }

    [Fact]
    public void Given_agent_actor_When_heartbeating_another_agent_Then_forbidden()
    {
        var target = Worker();
        var other = new AgentActor(Guid.NewGuid(), LeadBoard, target.GatewayId, false);

        Assert.Throws<DomainException>(() => AgentAccess.EnsureMayHeartbeat(other, target, null, null));
        Assert.Null(Record.Exception(() => AgentAccess.EnsureMayHeartbeat(other with { AgentId = target.Id }, target, null, null)));
    }

    [Fact]
    public void Given_admin_without_board_write_When_heartbeating_agent_Then_forbidden()
    {
        var board = Board() with { Id = LeadBoard };
        var admin = Member(Roles.Admin, allRead: true);

        var error = Assert.Throws<DomainException>(() =>
            AgentAccess.EnsureMayHeartbeat(new UserActor(admin.UserId, admin), Worker(), board, null));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void Given_member_of_other_org_When_reading_board_agent_Then_not_found()
    {
        var foreignBoard = Board(Guid.NewGuid()) with { Id = LeadBoard };

        var error = Assert.Throws<DomainException>(() =>
            AgentAccess.EnsureMemberAccess(Member(allRead: true), Worker(), foreignBoard, null, write: false));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Given_plain_member_When_reading_gateway_main_agent_Then_forbidden()
    {
        Assert.Throws<DomainException>(() => AgentAccess.EnsureMemberAccess(Member(allRead: true), MainAgent(), null, null, write: false));
    }

    [Fact]
    public void Given_lead_When_deleting_gateway_main_Then_forbidden_with_detail()
    {
        var error = Assert.Throws<DomainException>(() => AgentAccess.EnsureLeadMayDelete(Lead, MainAgent()));

        Assert.Equal("Board leads cannot delete gateway main agents", error.Detail);
    }

    [Fact]
    public void Given_lead_When_deleting_another_lead_Then_forbidden_with_detail()
    {
        var error = Assert.Throws<DomainException>(() => AgentAccess.EnsureLeadMayDelete(Lead, Worker(lead: true)));

        Assert.Equal("Board leads cannot delete lead agents", error.Detail);
    }

    [Fact]
    public void Given_lead_When_deleting_worker_of_other_board_Then_not_found()
    {
        var error = Assert.Throws<DomainException>(() => AgentAccess.EnsureLeadMayDelete(Lead, Worker(Guid.NewGuid())));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Given_lead_When_deleting_own_worker_Then_allowed()
    {
        Assert.Null(Record.Exception(() => AgentAccess.EnsureLeadMayDelete(Lead, Worker())));
    }

    [Fact]
    public void Given_a_read_model_target_with_a_read_grant_When_checked_Then_reading_passes_and_writing_is_forbidden()
    {
        var member = Member(Roles.Admin, grants: (LeadBoard, new BoardGrant(true, false)));
        var target = new AgentTarget(Guid.NewGuid(), LeadBoard, IsBoardLead: false, member.OrganizationId);

        Assert.Null(Record.Exception(() => AgentAccess.EnsureMemberAccess(member, target, write: false)));
        var error = Assert.Throws<DomainException>(() => AgentAccess.EnsureMemberAccess(member, target, write: true));
        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void Given_a_target_whose_organization_is_unknown_or_other_When_checked_Then_not_found_even_with_all_boards()
    {
        var admin = Member(Roles.Admin, allRead: true, allWrite: true);

        var gone = Assert.Throws<DomainException>(() =>
            AgentAccess.EnsureMemberAccess(admin, new AgentTarget(Guid.NewGuid(), LeadBoard, false, null), write: false));
        var foreignMain = Assert.Throws<DomainException>(() =>
            AgentAccess.EnsureMemberAccess(admin, new AgentTarget(Guid.NewGuid(), null, false, Guid.NewGuid()), write: false));

        Assert.Equal(DomainErrorKind.NotFound, gone.Kind);
        Assert.Equal(DomainErrorKind.NotFound, foreignMain.Kind);
    }

    [Fact]
    public void Given_a_user_When_heartbeating_a_read_model_target_Then_admin_and_write_are_needed()
    {
        var admin = Member(Roles.Admin, allWrite: true);
        var member = Member(Roles.Member, allWrite: true);
        var target = new AgentTarget(Guid.NewGuid(), LeadBoard, false, admin.OrganizationId);

        Assert.Null(Record.Exception(() => AgentAccess.EnsureMayHeartbeat(new UserActor(admin.UserId, admin), target)));
        Assert.Throws<DomainException>(() => AgentAccess.EnsureMayHeartbeat(new UserActor(member.UserId, member), target));
    }
}
