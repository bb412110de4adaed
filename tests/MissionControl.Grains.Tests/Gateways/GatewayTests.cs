using System.Text.Json;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways;
using MissionControl.Grains.Gateways.Events;

namespace MissionControl.Grains.Tests.Gateways;

public class GatewayTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);
    private const string Token = "gw-secret-token-value";

    private static RegisterGateway Register(string url = "ws://127.0.0.1:18789") =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Home", url, "/srv/workspaces", T0) { Token = Token };

    private static GatewayState Run(GatewayState? state, GatewayCommand command) =>
        GatewayEvolver.Fold(GatewayDecider.Decide(state, command), state)!;

    [Fact]
    public void Given_no_gateway_When_registered_Then_token_stored_but_masked_when_printed()
    {
        var gateway = Run(null, Register());

        Assert.Equal(Token, gateway.Token!.Reveal());
        Assert.DoesNotContain(Token, gateway.ToString());
        Assert.Contains("***", gateway.ToString());
    }

    [Fact]
    public void Given_gateway_When_viewed_Then_token_not_echoed()
    {
        var view = GatewayViews.From(Run(null, Register()));

        Assert.True(view.HasToken);
        Assert.DoesNotContain(Token, JsonSerializer.Serialize(view));
    }

    [Fact]
    public void Given_gateway_When_snapshotted_and_restored_Then_token_survives()
    {
        var gateway = Run(null, Register());

        var restored = JsonSerializer.Deserialize<GatewayState>(JsonSerializer.Serialize(gateway))!;

        Assert.Equal(Token, restored.Token!.Reveal());
    }

    [Theory]
    [InlineData("http://example.test")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Given_no_gateway_When_registered_with_non_websocket_url_Then_validation_error(string url)
    {
        var error = Assert.Throws<DomainException>(() => GatewayDecider.Decide(null, Register(url)));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void Given_no_gateway_When_registered_without_workspace_root_Then_validation_error()
    {
        var error = Assert.Throws<DomainException>(() => GatewayDecider.Decide(null, Register() with { WorkspaceRoot = " " }));

        Assert.Equal("workspace_root is required", error.Detail);
    }

    [Fact]
    public void Given_gateway_When_token_changed_Then_connection_changed_event()
    {
        var gateway = Run(null, Register());

        var events = GatewayDecider.Decide(gateway, new UpdateGateway(T0) { Token = "new-token" });

        var changed = Assert.IsType<GatewayConnectionChanged>(Assert.Single(events));
        Assert.Equal("new-token", changed.Token!.Reveal());
    }

    [Fact]
    public void Given_gateway_When_blank_token_given_Then_token_cleared()
    {
        var gateway = Run(Run(null, Register()), new UpdateGateway(T0) { Token = "" });

        Assert.Null(gateway.Token);
        Assert.False(GatewayViews.From(gateway).HasToken);
    }

    [Fact]
    public void Given_gateway_When_only_renamed_Then_no_connection_change()
    {
        var events = GatewayDecider.Decide(Run(null, Register()), new UpdateGateway(T0) { Name = "Office", Token = Token });

        Assert.IsType<GatewayDetailsChanged>(Assert.Single(events));
    }

    [Fact]
    public void Given_gateway_When_main_agent_assigned_Then_recorded_once()
    {
        var agent = Guid.NewGuid();
        var gateway = Run(Run(null, Register()), new AssignGatewayMainAgent(agent, T0));

        Assert.Equal(agent, gateway.MainAgentId);
        Assert.Empty(GatewayDecider.Decide(gateway, new AssignGatewayMainAgent(agent, T0)));
    }

    [Fact]
    public void Given_deleted_gateway_When_updated_Then_gateway_not_found()
    {
        var gateway = Run(Run(null, Register()), new DeleteGateway(T0));

        var error = Assert.Throws<DomainException>(() => GatewayDecider.Decide(gateway, new UpdateGateway(T0) { Name = "x" }));

        Assert.Equal("Gateway not found", error.Detail);
    }
}
