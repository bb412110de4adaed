using MissionControl.Fakes;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;

namespace MissionControl.Integration.Tests;

/// <summary>Every gateway id resolves to one gateway: a fake one with short timeouts, or the given options.</summary>
public sealed class FixedGatewayConnections(Func<string, GatewayClientOptions> resolve) : IGatewayConnections
{
    public FixedGatewayConnections(FakeGateway gateway)
        : this(gatewayId => FastClientSettings.Options(gateway, gatewayId))
    {
    }

    public FixedGatewayConnections(GatewayClientOptions options)
        : this(_ => options)
    {
    }

    public Task<GatewayClientOptions> ResolveAsync(string gatewayId, CancellationToken ct) =>
        Task.FromResult(resolve(gatewayId));
}
