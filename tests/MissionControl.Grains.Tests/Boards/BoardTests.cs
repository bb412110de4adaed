using MissionControl.Grains.Boards;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Tests.Boards;

public class BoardTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrgId = Guid.NewGuid();
    private static readonly Guid BoardId = Guid.NewGuid();
    private static readonly GatewayFacts ReadyGateway = new(Guid.NewGuid(), OrgId, HasMainAgent: true);

    private static CreateBoard Create(GatewayFacts? gateway = null, string? description = "Ship v1") =>
        new(BoardId, OrgId, "Launch", description, gateway ?? ReadyGateway, T0);

    private static BoardState Run(BoardState? state, BoardCommand command) =>
        BoardEvolver.Fold(BoardDecider.Decide(state, command), state)!;

    private static BoardState Board() => Run(null, Create());

    [Fact]
    public void Given_gateway_with_main_agent_When_board_created_Then_board_on_that_gateway_with_default_rules()
    {
        var board = Board();

        Assert.Equal(ReadyGateway.GatewayId, board.GatewayId);
        Assert.False(board.IsPaused);
        Assert.Equal(new BoardRules(), board.Rules);
        Assert.True(board.Rules.RequireApprovalForDone);
        Assert.Equal(1, board.Rules.MaxAgents);
    }

    [Fact]
    public void Given_gateway_without_main_agent_When_board_created_Then_validation_error()
    {
        var error = Assert.Throws<DomainException>(() =>
            BoardDecider.Decide(null, Create(ReadyGateway with { HasMainAgent = false })));

        Assert.Equal("gateway must have a gateway main agent before boards can be created or updated", error.Detail);
    }

    [Fact]
    public void Given_gateway_of_other_organization_When_board_created_Then_gateway_invalid()
    {
        var error = Assert.Throws<DomainException>(() =>
            BoardDecider.Decide(null, Create(ReadyGateway with { OrganizationId = Guid.NewGuid() })));

        Assert.Equal("gateway_id is invalid", error.Detail);
    }

    [Fact]
    public void Given_no_gateway_When_board_created_Then_gateway_required()
    {
        var error = Assert.Throws<DomainException>(() =>
            BoardDecider.Decide(null, new CreateBoard(BoardId, OrgId, "Launch", "d", null, T0)));

        Assert.Equal("gateway_id is required", error.Detail);
    }

    [Fact]
    public void Given_blank_description_When_board_created_Then_description_required()
    {
        var error = Assert.Throws<DomainException>(() => BoardDecider.Decide(null, Create(description: "  ")));

        Assert.Equal("description is required", error.Detail);
    }

    [Theory]
    [InlineData("/pause")]
    [InlineData("  /PAUSE ")]
    public void Given_running_board_When_pause_chat_command_Then_paused(string content)
    {
        var board = Run(Board(), new RecordChatMessage(content, T0));

        Assert.True(board.IsPaused);
    }

    [Fact]
    public void Given_paused_board_When_pause_again_Then_no_event()
    {
        var board = Run(Board(), new RecordChatMessage("/pause", T0));

        Assert.Empty(BoardDecider.Decide(board, new RecordChatMessage("/pause", T0)));
    }

    [Fact]
    public void Given_paused_board_When_resume_chat_command_Then_running()
    {
        var board = Run(Run(Board(), new RecordChatMessage("/pause", T0)), new RecordChatMessage("/resume", T0));

        Assert.False(board.IsPaused);
    }

    [Fact]
    public void Given_board_When_ordinary_chat_message_Then_no_event()
    {
        Assert.Empty(BoardDecider.Decide(Board(), new RecordChatMessage("please /pause later", T0)));
    }

    [Fact]
    public void Given_board_When_lead_assigned_twice_Then_one_event()
    {
        var lead = Guid.NewGuid();
        var board = Run(Board(), new AssignBoardLead(lead, T0));

        Assert.Equal(lead, board.LeadAgentId);
        Assert.Empty(BoardDecider.Decide(board, new AssignBoardLead(lead, T0)));
    }

    [Fact]
    public void Given_board_When_updated_with_blank_description_Then_validation_error()
    {
        Assert.Throws<DomainException>(() => BoardDecider.Decide(Board(), new UpdateBoard(T0) { Description = " " }));
    }

    [Fact]
    public void Given_board_When_objective_and_rules_updated_Then_applied()
    {
        var rules = new BoardRules(OnlyLeadCanChangeStatus: true, MaxAgents: 3);

        var board = Run(Board(), new UpdateBoard(T0) { Objective = "Grow", Rules = rules });

        Assert.Equal("Grow", board.Objective);
        Assert.Equal(rules, board.Rules);
    }

    [Fact]
    public void Given_deleted_board_When_deleted_again_Then_no_event_and_chat_is_not_found()
    {
        var board = Run(Board(), new DeleteBoard(T0));

        Assert.Empty(BoardDecider.Decide(board, new DeleteBoard(T0)));
        Assert.Equal(DomainErrorKind.NotFound, Assert.Throws<DomainException>(() => BoardDecider.Decide(board, new RecordChatMessage("/pause", T0))).Kind);
    }
}
