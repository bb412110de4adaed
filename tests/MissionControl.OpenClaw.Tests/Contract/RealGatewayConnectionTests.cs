using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Tests.FakeGatewayTests;
using MissionControl.OpenClaw.Tests.Support;

namespace MissionControl.OpenClaw.Tests.Contract;

[Collection(RealGatewayCollection.Name)]
public class RealGatewayConnectionTests(RealGatewayFixture gateway)
{
    [Fact]
    public async Task Backend_client_gets_all_scopes_and_a_calver_version()
    {
        await gateway.Client.CallAsync("health", cancellationToken: TestDeadline.Token());

        Assert.Equal(4, gateway.Client.ServerInfo!.Protocol);
        Assert.Matches(@"^\d{4}\.\d{1,2}\.\d{1,2}", gateway.Client.ServerInfo.Version);
        Assert.Equal(GatewayClientOptions.DefaultScopes.Order(), gateway.Client.ServerInfo.GrantedScopes.Order());
    }

    [Fact]
    public async Task A_device_signed_challenge_earns_scopes_a_deviceless_test_client_lacks()
    {
        var test = gateway.Options("device") with { ClientId = "test", ClientMode = "test" };
        await using var withoutDevice = new GatewayRpcClient(test with { DeviceIdentity = DeviceIdentityMode.Never });
        await using var withDevice = new GatewayRpcClient(test with { DeviceIdentity = DeviceIdentityMode.Always }, new InMemoryDeviceIdentityStore());

        // agents.list needs operator.read (health, on this gateway version, needs no scope at all).
        var refused = await Assert.ThrowsAsync<GatewayException>(() => withoutDevice.CallAsync("agents.list", cancellationToken: TestDeadline.Token()));
        var agents = await withDevice.CallAsync("agents.list", cancellationToken: TestDeadline.Token());

        Assert.Equal(GatewayErrorKind.MissingScope, refused.Kind);
        Assert.Equal("operator.read", refused.MissingScope);
        Assert.Empty(withoutDevice.ServerInfo!.GrantedScopes);
        Assert.NotEmpty(withDevice.ServerInfo!.GrantedScopes);
        Assert.True(agents.TryGetProperty("agents", out _));
    }

    [Fact]
    public async Task A_signature_from_the_wrong_key_is_an_authentication_failure()
    {
        var options = gateway.Options("bad-device") with { DeviceIdentity = DeviceIdentityMode.Always };
        await using var client = new GatewayRpcClient(options, new RpcClientTests.FixedIdentityStore(RpcClientTests.MismatchedIdentity()));

        var error = await Assert.ThrowsAsync<GatewayException>(() => client.CallAsync("health", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.AuthenticationFailed, error.Kind);
        Assert.StartsWith("DEVICE_AUTH_", error.DetailsCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_token_is_an_authentication_failure()
    {
        await using var client = new GatewayRpcClient(gateway.Options("bad-token") with { Token = "not-the-token" });

        var error = await Assert.ThrowsAsync<GatewayException>(() => client.CallAsync("health", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.AuthenticationFailed, error.Kind);
        Assert.Equal("AUTH_TOKEN_MISMATCH", error.DetailsCode);
    }

    [Fact]
    public async Task A_protocol_range_without_4_is_a_protocol_mismatch()
    {
        await using var client = new GatewayRpcClient(gateway.Options("old-protocol") with { MinProtocol = 3, MaxProtocol = 3 });

        var error = await Assert.ThrowsAsync<GatewayException>(() => client.CallAsync("health", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.ProtocolMismatch, error.Kind);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_minimum_version_above_the_gateways_is_version_too_old()
    {
        await using var client = new GatewayRpcClient(gateway.Options("future") with { MinimumServerVersion = "2099.1.1" });

        var error = await Assert.ThrowsAsync<GatewayException>(() => client.CallAsync("health", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.VersionTooOld, error.Kind);
    }
}
