using MissionControl.ApiGateway.Apis.Contracts;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>The same gateway settings in the shapes the domain, the gateway check and an update need.</summary>
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

    /// <summary>The connection settings after <paramref name="update"/>: absent fields stay, a blank token removes it.</summary>
    public static GatewayConnectionDetails Apply(GatewayConnectionDetails current, GatewayUpdate update) => current with
    {
        Url = update.Url?.Trim() ?? current.Url,
        Token = update.Token is null ? current.Token : Text.TrimToNull(update.Token),
        AllowInsecureTls = update.AllowInsecureTls ?? current.AllowInsecureTls,
        DisableDevicePairing = update.DisableDevicePairing ?? current.DisableDevicePairing,
    };
}
