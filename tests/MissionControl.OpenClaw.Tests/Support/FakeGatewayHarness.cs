using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Resilience;
using MissionControl.Fakes;

namespace MissionControl.OpenClaw.Tests.Support;

/// <summary>A fake gateway plus a client stack wired to it, with delays and budgets scaled down for tests.</summary>
internal sealed class FakeGatewayHarness : IAsyncDisposable
{
    public static GatewayResilienceOptions FastResilience => FastClientSettings.Resilience;

    private FakeGatewayHarness(FakeGateway gateway, GatewayClientOptions options, GatewayResilienceOptions resilience, IDeviceIdentityStore identities)
    {
        Gateway = gateway;
        Options = options;
        Identities = identities;
        Client = new GatewayRpcClient(options, identities);
        Resilience = new GatewayResilience(options.GatewayId, resilience);
        ControlPlane = new GatewayControlPlane(Client, Resilience);
        Patcher = new HeartbeatConfigPatcher(Client, Resilience);
    }

    public FakeGateway Gateway { get; }

    public GatewayClientOptions Options { get; }

    public IDeviceIdentityStore Identities { get; }

    public GatewayRpcClient Client { get; }

    public GatewayResilience Resilience { get; }

    public GatewayControlPlane ControlPlane { get; }

    public HeartbeatConfigPatcher Patcher { get; }

    public static FakeGatewayHarness Start(
        Func<GatewayClientOptions, GatewayClientOptions>? configure = null,
        GatewayResilienceOptions? resilience = null,
        bool legacyListShape = false,
        IDeviceIdentityStore? identities = null)
    {
        var gateway = FakeGateway.Start(legacyListShape);
        return new FakeGatewayHarness(gateway, configure?.Invoke(FastOptions(gateway)) ?? FastOptions(gateway),
            resilience ?? FastResilience, identities ?? new InMemoryDeviceIdentityStore());
    }

    public static GatewayClientOptions FastOptions(FakeGateway gateway) => FastClientSettings.Options(gateway);

    /// <summary>A second, independent client stack (own connection) on the same fake.</summary>
    public (GatewayRpcClient Client, HeartbeatConfigPatcher Patcher) SecondClient()
    {
        var client = new GatewayRpcClient(Options with { GatewayId = $"fake-{Guid.NewGuid():N}" }, Identities);
        return (client, new HeartbeatConfigPatcher(client, new GatewayResilience(Options.GatewayId, FastResilience)));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
