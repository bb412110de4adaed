using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;

namespace MissionControl.Benchmarks;

/// <summary>Every gateway id resolves to the one gateway under test.</summary>
internal sealed class StaticGatewayConnections(Uri url, string token) : IGatewayConnections
{
    public Task<GatewayClientOptions> ResolveAsync(string gatewayId, CancellationToken ct) =>
        Task.FromResult(Options(gatewayId));

    public GatewayClientOptions Options(string gatewayId) => new() { GatewayId = gatewayId, Url = url, Token = token };
}
