using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Gateways.Lifecycle;

/// <summary>The same gateway settings in the shapes the domain, the gateway check and a change need.</summary>
internal static class GatewayRegistrations
{
    public static RegisterGateway ToCommand(Guid gatewayId, NewGateway gateway, DateTimeOffset now) =>
        new(gatewayId, gateway.OrganizationId, gateway.Name, gateway.Url, gateway.WorkspaceRoot, now)
        {
            Token = gateway.Token,
            AllowInsecureTls = gateway.AllowInsecureTls,
            DisableDevicePairing = gateway.DisableDevicePairing,
        };

    public static GatewayConnectionDetails ConnectionOf(Guid gatewayId, NewGateway gateway) =>
        new(gatewayId, gateway.Url.Trim(), Text.TrimToNull(gateway.Token), gateway.AllowInsecureTls, gateway.DisableDevicePairing,
            gateway.WorkspaceRoot.Trim());

    /// <summary>The connection settings after <paramref name="changes"/>: absent fields stay, a blank token removes it.</summary>
    public static GatewayConnectionDetails Apply(GatewayConnectionDetails current, GatewayChanges changes) => current with
    {
        Url = changes.Url?.Trim() ?? current.Url,
        Token = changes.Token is null ? current.Token : Text.TrimToNull(changes.Token),
        AllowInsecureTls = changes.AllowInsecureTls ?? current.AllowInsecureTls,
        DisableDevicePairing = changes.DisableDevicePairing ?? current.DisableDevicePairing,
    };
}
