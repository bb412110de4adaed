using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Resilience;
using MissionControl.Testing;

namespace MissionControl.OpenClaw.Tests.Contract;

/// <summary>A real OpenClaw gateway (see <see cref="RealGatewayProcess"/>) with clients for contract tests.</summary>
public sealed class RealGatewayFixture : IAsyncLifetime
{
    private RealGatewayProcess? _process;

    public Uri Url { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public GatewayRpcClient Client { get; private set; } = null!;

    public GatewayResilience Resilience { get; private set; } = null!;

    public GatewayControlPlane ControlPlane { get; private set; } = null!;

    public HeartbeatConfigPatcher Patcher { get; private set; } = null!;

    public static GatewayResilienceOptions TestResilience { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(2),
        InteractiveBudget = TimeSpan.FromSeconds(30),
    };

    public GatewayClientOptions Options(string? suffix = null) => new()
    {
        GatewayId = $"real-{suffix ?? "main"}",
        Url = Url,
        Token = Token,
    };

    public async Task InitializeAsync()
    {
        _process = await RealGatewayProcess.StartAsync();
        Url = _process.Url;
        Token = _process.Token;
        Client = new GatewayRpcClient(Options(), new InMemoryDeviceIdentityStore());
        Resilience = new GatewayResilience("real-main", TestResilience);
        ControlPlane = new GatewayControlPlane(Client, Resilience);
        Patcher = new HeartbeatConfigPatcher(Client, Resilience);
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
            await Client.DisposeAsync();
        if (_process is not null)
            await _process.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RealGatewayCollection : ICollectionFixture<RealGatewayFixture>
{
    public const string Name = "real-gateway";
}
