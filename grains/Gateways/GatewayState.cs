namespace MissionControl.Grains.Gateways;

/// <summary>A registered OpenClaw gateway. Snapshotted as JSON (the token included, masked when printed).</summary>
/// <param name="Id">Gateway id.</param>
/// <param name="OrganizationId">Owning organization.</param>
/// <param name="Name">Display name.</param>
/// <param name="Url">WebSocket URL of the gateway.</param>
/// <param name="Token">Connection token, if the gateway needs one; never echoed.</param>
/// <param name="WorkspaceRoot">Directory under which agent workspaces are created.</param>
/// <param name="AllowInsecureTls">Skip TLS verification for wss.</param>
/// <param name="DisableDevicePairing">Connect as control UI without device identity.</param>
/// <param name="MainAgentId">The gateway-main agent, once it exists.</param>
/// <param name="IsDeleted">True after deletion.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Time of the latest event.</param>
public sealed record GatewayState(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Url,
    GatewaySecret? Token,
    string WorkspaceRoot,
    bool AllowInsecureTls,
    bool DisableDevicePairing,
    Guid? MainAgentId,
    bool IsDeleted,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>What may be shown about a gateway: everything except the token.</summary>
public static class GatewayViews
{
    /// <summary>The public view of <paramref name="state"/>.</summary>
    public static GrainInterfaces.Gateways.GatewayView From(GatewayState state) => new(
        state.Id, state.OrganizationId, state.Name, state.Url, state.Token is not null, state.WorkspaceRoot,
        state.AllowInsecureTls, state.DisableDevicePairing, state.MainAgentId, state.CreatedAt, state.UpdatedAt);
}
