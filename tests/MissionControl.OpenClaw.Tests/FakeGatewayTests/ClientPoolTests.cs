using MissionControl.Fakes;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Tests.Support;

namespace MissionControl.OpenClaw.Tests.FakeGatewayTests;

public class ClientPoolTests
{
    [Fact]
    public async Task Given_a_gateway_whose_address_changed_When_its_control_plane_is_asked_for_again_Then_calls_go_to_the_new_address()
    {
        // Regression: the pool kept the first connection settings of a gateway id for the life of the process.
        await using var first = FakeGateway.Start();
        await using var second = FakeGateway.Start();
        await using var pool = new GatewayClientPool(new InMemoryDeviceIdentityStore(), FakeGatewayHarness.FastResilience);
        var before = FastClientSettings.Options(first, "gw-1");
        var stale = pool.ControlPlane(before);
        await stale.HealthAsync(TestDeadline.Token());

        await pool.ControlPlane(before with { Url = second.Url }).HealthAsync(TestDeadline.Token());
        var staleCall = await Assert.ThrowsAsync<GatewayException>(() => stale.HealthAsync(TestDeadline.Token()));

        Assert.Equal(1, first.Received.GetValueOrDefault("health"));
        Assert.Equal(1, second.Received.GetValueOrDefault("health"));
        Assert.Equal(GatewayErrorKind.ClientClosed, staleCall.Kind);
    }

    [Fact]
    public async Task Given_the_same_settings_in_another_instance_When_asked_again_Then_the_connection_is_shared()
    {
        await using var gateway = FakeGateway.Start();
        await using var pool = new GatewayClientPool(new InMemoryDeviceIdentityStore(), FakeGatewayHarness.FastResilience);
        var options = FastClientSettings.Options(gateway, "gw-2");

        await pool.ControlPlane(options).HealthAsync(TestDeadline.Token());
        await pool.ControlPlane(options with { Scopes = [.. options.Scopes] }).HealthAsync(TestDeadline.Token());

        Assert.Equal(1, gateway.Upgrades);
    }

    [Fact]
    public async Task Sessions_and_a_transcript_tail_are_read_back()
    {
        await using var h = FakeGatewayHarness.Start();
        await h.ControlPlane.EnsureSessionAsync("agent:main:inspect", "Inspect", TestDeadline.Token());
        await h.ControlPlane.SendChatAsync("agent:main:inspect", "first", cancellationToken: TestDeadline.Token());
        await h.ControlPlane.SendChatAsync("agent:main:inspect", "second", cancellationToken: TestDeadline.Token());

        var sessions = await h.ControlPlane.ListSessionsAsync(TestDeadline.Token());
        var history = await h.ControlPlane.GetChatHistoryAsync("agent:main:inspect", limit: 1, TestDeadline.Token());

        Assert.Contains(sessions, s => s.GetProperty("key").GetString() == "agent:main:inspect" && s.GetProperty("label").GetString() == "Inspect");
        Assert.Contains("second", Assert.Single(history).GetRawText());
    }
}
