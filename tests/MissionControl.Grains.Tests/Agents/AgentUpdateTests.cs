using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;
using static MissionControl.Grains.Tests.Agents.AgentSpec;

namespace MissionControl.Grains.Tests.Agents;

public class AgentUpdateTests
{
    private static readonly Guid OtherBoard = Guid.Parse("44444444-4444-4444-4444-444444444444");
    private static readonly Guid OtherGateway = Guid.Parse("55555555-5555-5555-5555-555555555555");

    private static UpdateAgent Update() => new(NewTokenHash, T0.AddMinutes(5));

    [Fact]
    public void Given_agent_When_update_sets_status_Then_forbidden_with_heartbeat_detail()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var error = Assert.Throws<DomainException>(() => spec.When(Update() with { Status = "online" }));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
        Assert.Equal("status is controlled by agent heartbeat", error.Detail);
    }

    [Fact]
    public void Given_agent_When_update_without_changes_and_not_forced_Then_no_event()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        Assert.Empty(spec.When(Update()));
        Assert.Equal(TokenHash, spec.Agent.TokenHash);
    }

    [Fact]
    public void Given_agent_When_forced_update_without_changes_Then_token_re_minted_and_bootstrap_forced()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var events = spec.When(Update() with { Force = true });

        Assert.Collection(
            events,
            e => Assert.Equal(new AgentTokenRotated(NewTokenHash, T0.AddMinutes(5)), e),
            e => Assert.Equal(new AgentProvisionStarted(2, ProvisionAction.Update, true, true, T0.AddMinutes(5)), e));
        Assert.Equal(AgentStatus.Updating, spec.Agent.Status);
        Assert.True(spec.Agent.LastProvision!.ForceBootstrap);
    }

    [Fact]
    public void Given_agent_When_renamed_Then_profile_updated_token_rotated_and_reprovisioned()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var events = spec.When(Update() with { Name = "  Researcher  " });

        Assert.IsType<AgentProfileUpdated>(events[0]);
        Assert.IsType<AgentTokenRotated>(events[1]);
        Assert.False(Assert.IsType<AgentProvisionStarted>(events[2]).ForceBootstrap);
        Assert.Equal("Researcher", spec.Agent.Name);
        Assert.Equal(NewTokenHash, spec.Agent.TokenHash);
    }

    [Fact]
    public void Given_agent_with_soul_template_When_blank_template_given_Then_template_cleared()
    {
        var spec = new AgentSpec().Given(CreateWorker() with { SoulTemplate = "# Soul" });

        spec.When(Update() with { SoulTemplate = " " });

        Assert.Null(spec.Agent.SoulTemplate);
    }

    [Fact]
    public void Given_board_agent_When_converted_to_gateway_main_Then_board_cleared_and_main_session_key_used()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var events = spec.When(Update() with { IsGatewayMain = true });

        var scope = Assert.IsType<AgentScopeChanged>(events[0]);
        Assert.Null(scope.BoardId);
        Assert.True(spec.Agent.IsGatewayMain);
        Assert.False(spec.Agent.IsBoardLead);
        Assert.Equal($"agent:mc-gateway-{GatewayId}:main", spec.Agent.SessionKey);
    }

    [Fact]
    public void Given_board_agent_When_converted_to_main_with_other_board_Then_joins_that_boards_gateway()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        spec.When(Update() with { IsGatewayMain = true, Board = new BoardTarget(OtherBoard, OtherGateway) });

        Assert.Equal(OtherGateway, spec.Agent.GatewayId);
        Assert.Equal($"agent:mc-gateway-{OtherGateway}:main", spec.Agent.SessionKey);
    }

    [Fact]
    public void Given_gateway_main_agent_When_converted_to_board_scope_without_board_Then_validation_error()
    {
        var spec = new AgentSpec().Given(CreateWorker() with { BoardId = null, IsGatewayMain = true });

        var error = Assert.Throws<DomainException>(() => spec.When(Update() with { IsGatewayMain = false }));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Equal("board_id is required when converting a gateway-main agent to board scope", error.Detail);
    }

    [Fact]
    public void Given_gateway_main_agent_When_converted_to_board_scope_Then_on_board_with_board_session_key()
    {
        var spec = new AgentSpec().Given(CreateWorker() with { BoardId = null, IsGatewayMain = true });

        spec.When(Update() with { IsGatewayMain = false, Board = new BoardTarget(OtherBoard, OtherGateway) });

        Assert.Equal(OtherBoard, spec.Agent.BoardId);
        Assert.Equal(OtherGateway, spec.Agent.GatewayId);
        Assert.Equal($"agent:mc-{AgentId}:main", spec.Agent.SessionKey);
    }

    [Fact]
    public void Given_agent_When_moved_to_board_without_gateway_Then_validation_error()
    {
        var spec = OnlineWorker(T0.AddMinutes(1));

        var error = Assert.Throws<DomainException>(() => spec.When(Update() with { Board = new BoardTarget(OtherBoard, null) }));

        Assert.Equal("Board gateway_id is required", error.Detail);
    }

    [Fact]
    public void Given_lead_When_moved_to_other_board_Then_lead_session_key_follows_the_board()
    {
        var spec = new AgentSpec().Given(CreateWorker() with { IsBoardLead = true });

        spec.When(Update() with { Board = new BoardTarget(OtherBoard, GatewayId) });

        Assert.Equal($"agent:lead-{OtherBoard}:main", spec.Agent.SessionKey);
    }

    [Fact]
    public void Given_gateway_main_agent_When_board_given_without_conversion_Then_stays_gateway_main()
    {
        var spec = new AgentSpec().Given(CreateWorker() with { BoardId = null, IsGatewayMain = true });

        var events = spec.When(Update() with { Board = new BoardTarget(OtherBoard, OtherGateway) });

        Assert.DoesNotContain(events, e => e is AgentScopeChanged);
        Assert.True(spec.Agent.IsGatewayMain);
    }

    [Fact]
    public void Given_update_in_progress_When_updated_again_Then_new_generation_supersedes_it()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(Update() with { Name = "A" });

        spec.When(Update() with { Name = "B" });

        Assert.Equal(3, spec.Agent.LastProvision!.Generation);
        Assert.Equal("B", spec.Agent.Name);
    }

    [Fact]
    public void Given_deleting_agent_When_updated_Then_conflict()
    {
        var spec = OnlineWorker(T0.AddMinutes(1)).Given(new StartDeletion(T0.AddMinutes(2)));

        var error = Assert.Throws<DomainException>(() => spec.When(Update() with { Name = "A" }));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }
}
