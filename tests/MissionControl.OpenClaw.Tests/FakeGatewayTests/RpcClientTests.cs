using System.Collections.Concurrent;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Protocol;
using MissionControl.OpenClaw.Tests.Support;

namespace MissionControl.OpenClaw.Tests.FakeGatewayTests;

public class RpcClientTests
{
    [Fact]
    public async Task Handshake_gets_all_requested_scopes_and_reads_the_server_version()
    {
        await using var h = FakeGatewayHarness.Start();

        await h.Client.CallAsync("health", cancellationToken: TestDeadline.Token());

        Assert.Equal(4, h.Client.ServerInfo!.Protocol);
        Assert.Equal("2026.9.6", h.Client.ServerInfo.Version);
        Assert.Equal(GatewayClientOptions.DefaultScopes, h.Client.ServerInfo.GrantedScopes);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_socket_and_each_gets_its_own_reply()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.DelayReplies("agents.list", TimeSpan.FromMilliseconds(300), times: 5);

        var calls = Enumerable.Range(0, 20)
            .Select(i => i % 2 == 0 ? ("agents.list", h.Client.CallAsync("agents.list", cancellationToken: TestDeadline.Token())) : ("health", h.Client.CallAsync("health", cancellationToken: TestDeadline.Token())))
            .ToList();
        await Task.WhenAll(calls.Select(c => c.Item2));

        Assert.Equal(1, h.Gateway.Upgrades);
        foreach (var (method, call) in calls)
            Assert.Equal(method == "health", (await call).TryGetProperty("eventLoop", out _));
    }

    [Fact]
    public async Task An_event_that_precedes_a_reply_on_the_socket_is_raised_before_that_reply_returns()
    {
        await using var h = FakeGatewayHarness.Start();
        var events = new ConcurrentQueue<GatewayEvent>();
        h.Client.EventReceived += (_, e) => events.Enqueue(e);

        var config = await h.Client.CallAsync("config.get", cancellationToken: TestDeadline.Token());
        // The gateway sends config.changed before the patch's reply (as the real one does).
        var patched = await h.Client.CallAsync("config.patch",
            new { raw = """{"gateway":{"mode":"local"}}""", baseHash = config.GetProperty("hash").GetString() }, cancellationToken: TestDeadline.Token());

        var changed = Assert.Single(events, e => e.Name == "config.changed");
        Assert.Equal(patched.GetProperty("hash").GetString(), changed.Payload.GetProperty("hash").GetString());
        Assert.DoesNotContain(events, e => e.Name == "connect.challenge");
    }

    [Fact]
    public async Task A_reply_slower_than_the_request_timeout_is_a_transient_timeout()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.DelayReplies("health", TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            h.Client.CallAsync("health", timeout: TimeSpan.FromMilliseconds(300), cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.Timeout, error.Kind);
        Assert.True(error.IsTransient);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_fails_pending_calls_instead_of_leaving_them_hanging()
    {
        await using var h = FakeGatewayHarness.Start();
        await h.Client.CallAsync("health", cancellationToken: TestDeadline.Token());
        h.Gateway.Faults.DelayReplies("agents.list", TimeSpan.FromSeconds(30));

        var pending = h.Client.CallAsync("agents.list", timeout: TimeSpan.FromSeconds(30), cancellationToken: TestDeadline.Token());
        await Task.Delay(100);
        await h.Client.DisposeAsync();

        var error = await Assert.ThrowsAsync<GatewayException>(() => pending);
        Assert.Equal(GatewayErrorKind.ClientClosed, error.Kind);
    }

    [Fact]
    public async Task A_dropped_socket_fails_its_pending_call_and_the_next_call_reconnects()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.DropConnectionOn("agents.list");

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.Client.CallAsync("agents.list", cancellationToken: TestDeadline.Token()));
        var health = await h.Client.CallAsync("health", cancellationToken: TestDeadline.Token());

        Assert.Equal(GatewayErrorKind.Transport, error.Kind);
        Assert.True(error.IsTransient);
        Assert.True(health.GetProperty("ok").GetBoolean());
        Assert.Equal(2, h.Gateway.Upgrades);
    }

    [Fact]
    public async Task Wrong_token_is_an_authentication_failure()
    {
        await using var h = FakeGatewayHarness.Start(o => o with { Token = "wrong" });

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.Client.CallAsync("health", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.AuthenticationFailed, error.Kind);
        Assert.Equal("AUTH_TOKEN_MISMATCH", error.DetailsCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_gateway_on_another_protocol_is_a_protocol_mismatch()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.Protocol = 5;

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.Client.CallAsync("health", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.ProtocolMismatch, error.Kind);
    }

    [Fact]
    public async Task A_gateway_older_than_the_minimum_version_is_refused()
    {
        await using var h = FakeGatewayHarness.Start(o => o with { MinimumServerVersion = "2026.2.9" });
        h.Gateway.Faults.ServerVersion = "2026.1.30";

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.Client.CallAsync("health", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.VersionTooOld, error.Kind);
        Assert.Contains("2026.1.30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_identity_signs_the_challenge_with_the_stored_key()
    {
        var store = new InMemoryDeviceIdentityStore();
        await using var h = FakeGatewayHarness.Start(o => o with { DeviceIdentity = DeviceIdentityMode.Always }, identities: store);

        await h.Client.CallAsync("health", cancellationToken: TestDeadline.Token());

        Assert.Equal(GatewayClientOptions.DefaultScopes, h.Client.ServerInfo!.GrantedScopes);
        Assert.NotNull(await store.GetOrCreateAsync(h.Options.GatewayId, CancellationToken.None));
    }

    [Fact]
    public async Task A_key_pair_that_does_not_match_is_rejected_as_authentication_failure()
    {
        var store = new FixedIdentityStore(MismatchedIdentity());
        await using var h = FakeGatewayHarness.Start(o => o with { DeviceIdentity = DeviceIdentityMode.Always }, identities: store);

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.Client.CallAsync("health", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.AuthenticationFailed, error.Kind);
        Assert.Equal("DEVICE_AUTH_SIGNATURE_INVALID", error.DetailsCode);
    }

    [Fact]
    public async Task Device_identity_defaults_to_off_on_loopback_and_on_elsewhere()
    {
        await using var h = FakeGatewayHarness.Start();

        Assert.False(h.Options.UsesDeviceIdentity);
        Assert.True((h.Options with { Url = new Uri("wss://gateway.example.internal") }).UsesDeviceIdentity);
        Assert.False((h.Options with { Url = new Uri("wss://gateway.example.internal"), DeviceIdentity = DeviceIdentityMode.Never }).UsesDeviceIdentity);
    }

    internal static DeviceIdentity MismatchedIdentity()
    {
        var signing = DeviceIdentity.Generate();
        var other = DeviceIdentity.Generate();
        return signing with { PublicKey = other.PublicKey };
    }

    internal sealed class FixedIdentityStore(DeviceIdentity identity) : IDeviceIdentityStore
    {
        public Task<DeviceIdentity> GetOrCreateAsync(string gatewayId, CancellationToken cancellationToken) => Task.FromResult(identity);
    }
}
