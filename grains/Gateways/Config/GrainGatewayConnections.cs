using MissionControl.GrainInterfaces.Gateways;
using MissionControl.OpenClaw;
using Orleans;

namespace MissionControl.Grains.Gateways.Config;

/// <summary>
/// Resolves a registered gateway through its grain, so every connection uses what the gateway's
/// stream says now. An unknown, deleted or malformed gateway id is a NotFound domain error.
/// </summary>
public sealed class GrainGatewayConnections(IGrainFactory grains) : IGatewayConnections
{
    public async Task<GatewayClientOptions> ResolveAsync(string gatewayId, CancellationToken ct)
    {
        var gateway = await grains.GetGrain<IGatewayGrain>(gatewayId).GetConnection().WaitAsync(ct);
        return ToOptions(gateway);
    }

    /// <summary>Client options for a gateway's connection details.</summary>
    public static GatewayClientOptions ToOptions(GatewayConnectionDetails gateway) => new()
        {
            // The canonical id keys the device identity and circuit breaker, so spellings never split them.
            GatewayId = gateway.GatewayId.ToString(),
            Url = new Uri(gateway.Url),
            Token = gateway.Token ?? string.Empty,
            // Without pairing the client presents no device identity (loopback backends need none).
            DeviceIdentity = gateway.DisableDevicePairing ? DeviceIdentityMode.Never : DeviceIdentityMode.Auto,
        };
}
