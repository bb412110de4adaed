using MissionControl.Fakes;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;

namespace MissionControl.Integration.Tests;

/// <summary>Every gateway id resolves to one fake gateway, with short timeouts.</summary>
public sealed class FixedGatewayConnections(FakeGateway gateway) : IGatewayConnections
{
    public Task<GatewayClientOptions> ResolveAsync(string gatewayId, CancellationToken ct) =>
        Task.FromResult(FastClientSettings.Options(gateway, gatewayId));
}
