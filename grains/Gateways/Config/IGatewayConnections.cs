using MissionControl.OpenClaw;

namespace MissionControl.Grains.Gateways.Config;

/// <summary>How to reach a registered gateway: its URL, token and device-identity setting.</summary>
public interface IGatewayConnections
{
    /// <exception cref="Common.DomainException">The gateway is not registered.</exception>
    Task<GatewayClientOptions> ResolveAsync(string gatewayId, CancellationToken ct);
}
