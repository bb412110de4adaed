using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;
using static MissionControl.Integration.Tests.Entities;

namespace MissionControl.Integration.Tests;

public sealed class BoardGrainTests(EntityGrainCluster fixture) : IClassFixture<EntityGrainCluster>
{
    private IBoardGrain On(int silo, Guid id) => fixture.Silo(silo).Grain<IBoardGrain>(id);

    [Fact]
    public async Task Given_a_gateway_with_its_main_agent_When_a_board_is_created_Then_another_silo_sees_it_on_that_gateway_with_default_rules()
    {
        var (id, org) = (Guid.NewGuid(), Guid.NewGuid());
        var gateway = await ReadyGatewayAsync(fixture.Silo(0), org);

        await On(0, id).Create(new NewBoard(org, " Launch ", "Ship v1", gateway) { Objective = "Release" });
        var board = await On(1, id).Get();

        Assert.Equal((id, org, "Launch", "Ship v1", "Release", gateway), (board.Id, board.OrganizationId, board.Name, board.Description, board.Objective, board.GatewayId));
        Assert.Equal("general", board.BoardType);
        Assert.Equal(new WorkflowRules(), board.Rules);
        Assert.False(board.IsPaused);
    }

    [Fact]
    public async Task Given_a_gateway_without_its_main_agent_When_a_board_is_created_Then_validation_error()
    {
        var org = Guid.NewGuid();
        var gateway = Guid.NewGuid();
        await fixture.Silo(0).Grain<IGatewayGrain>(gateway).Register(NewGateway(org));

        var error = await Refused(DomainErrorKind.Validation, () => On(1, Guid.NewGuid()).Create(new NewBoard(org, "Launch", "Ship v1", gateway)));

        Assert.Equal("gateway must have a gateway main agent before boards can be created or updated", error.Detail);
    }

    [Fact]
    public async Task Given_an_unknown_gateway_or_one_of_another_organization_When_a_board_is_created_Then_the_gateway_id_is_invalid()
    {
        var org = Guid.NewGuid();
        var foreignGateway = await ReadyGatewayAsync(fixture.Silo(0), Guid.NewGuid());

        var unknown = await Refused(DomainErrorKind.Validation, () => On(0, Guid.NewGuid()).Create(new NewBoard(org, "Launch", "Ship v1", Guid.NewGuid())));
        var foreign = await Refused(DomainErrorKind.Validation, () => On(0, Guid.NewGuid()).Create(new NewBoard(org, "Launch", "Ship v1", foreignGateway)));
        var missing = await Refused(DomainErrorKind.Validation, () => On(0, Guid.NewGuid()).Create(new NewBoard(org, "Launch", "Ship v1", null)));

        Assert.Equal(("gateway_id is invalid", "gateway_id is invalid", "gateway_id is required"), (unknown.Detail, foreign.Detail, missing.Detail));
    }

    [Fact]
    public async Task Given_a_board_When_it_is_created_again_Then_conflict()
    {
        var board = await ReadyBoardAsync(fixture.Silo(0), Guid.NewGuid());

        await Refused(DomainErrorKind.Conflict, () => On(1, board.Id).Create(new NewBoard(board.OrganizationId, "Again", "Again", board.GatewayId)));
    }

    [Fact]
    public async Task Given_a_board_When_pause_and_resume_are_posted_on_different_silos_Then_each_toggles_it_and_other_chat_does_not()
    {
        var board = await ReadyBoardAsync(fixture.Silo(0), Guid.NewGuid());

        Assert.True(await On(0, board.Id).RecordChatMessage(" /PAUSE "));
        Assert.True((await On(1, board.Id).Get()).IsPaused);
        Assert.True(await On(1, board.Id).RecordChatMessage("how is it going?"));
        Assert.False(await On(1, board.Id).RecordChatMessage("/resume"));
        // Silo 0 still remembers the board as paused; /resume must not be ignored, nor /pause lost.
        Assert.False(await On(0, board.Id).RecordChatMessage("/resume"));
        Assert.True(await On(0, board.Id).RecordChatMessage("/pause"));
        Assert.True((await On(1, board.Id).Get()).IsPaused);
    }

    [Fact]
    public async Task Given_a_board_When_its_rules_lead_and_gateway_change_Then_a_new_activation_on_another_silo_sees_them()
    {
        var board = await ReadyBoardAsync(fixture.Silo(0), Guid.NewGuid());
        var (lead, newGateway) = (Guid.NewGuid(), await ReadyGatewayAsync(fixture.Silo(0), board.OrganizationId));
        var rules = new WorkflowRules(RequireApprovalForDone: false, OnlyLeadCanChangeStatus: true, MaxAgents: 4);

        await On(0, board.Id).Update(new BoardChanges { Rules = rules, GatewayId = newGateway, Objective = " " });
        await On(0, board.Id).AssignLead(lead);
        var read = await fixture.Silo(1).Grain<IBoardGrain>(board.Id).Get();

        Assert.Equal((rules, lead, newGateway), (read.Rules, read.LeadAgentId, read.GatewayId));
        Assert.Null(read.Objective);
    }

    [Fact]
    public async Task Given_a_board_When_updated_with_a_blank_description_or_negative_max_agents_Then_validation_error_and_nothing_changes()
    {
        var board = await ReadyBoardAsync(fixture.Silo(0), Guid.NewGuid());

        await Refused(DomainErrorKind.Validation, () => On(0, board.Id).Update(new BoardChanges { Name = "New", Description = "  " }));
        await Refused(DomainErrorKind.Validation, () => On(0, board.Id).Update(new BoardChanges { Rules = new WorkflowRules(MaxAgents: -1) }));

        Assert.Equal(board, await On(1, board.Id).Get());
    }

    [Fact]
    public async Task Given_a_deleted_board_When_read_chatted_to_or_updated_Then_not_found_and_deleting_again_is_harmless()
    {
        var board = await ReadyBoardAsync(fixture.Silo(0), Guid.NewGuid());

        await On(0, board.Id).Delete();

        var error = await Refused(DomainErrorKind.NotFound, () => On(1, board.Id).Get());
        Assert.Equal("Board not found", error.Detail);
        await Refused(DomainErrorKind.NotFound, () => On(1, board.Id).RecordChatMessage("/pause"));
        await Refused(DomainErrorKind.NotFound, () => On(0, board.Id).Update(new BoardChanges { GatewayId = Guid.NewGuid() }));
        await On(1, board.Id).Delete();
        await Refused(DomainErrorKind.NotFound, () => On(1, Guid.NewGuid()).Delete());
    }

    [Fact]
    public async Task Given_two_silos_changing_different_details_at_once_When_repeated_Then_every_change_is_kept()
    {
        var board = await ReadyBoardAsync(fixture.Silo(0), Guid.NewGuid());
        await On(1, board.Id).Get();

        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(
                On(0, board.Id).Update(new BoardChanges { Name = $"name-{round}" }),
                On(1, board.Id).Update(new BoardChanges { Objective = $"objective-{round}" }));

            var view = await On(round % 2, board.Id).Get();
            Assert.Equal(($"name-{round}", $"objective-{round}"), (view.Name, view.Objective));
        }
    }
}
