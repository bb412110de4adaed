using Orleans;

namespace MissionControl.GrainInterfaces.Gateways;

/// <summary>
/// One registered OpenClaw gateway, keyed by its id (a Guid in its "D" form). Its token is
/// write-only: the views never carry it, and only <see cref="GetConnection"/> hands it out, for
/// Mission Control's own gateway client. Broken rules surface as domain errors; a gateway that
/// does not exist, or was deleted, is NotFound ("Gateway not found").
/// </summary>
public interface IGatewayGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the gateway under this grain's id. Validation when the name or workspace root is
    /// blank or the URL is not ws:// or wss://; Conflict when it was registered before.
    /// </summary>
    Task<GatewayView> Register(NewGateway gateway);

    /// <summary>Changes the given fields; absent ones stay, a blank token clears the token.</summary>
    Task<GatewayView> Update(GatewayChanges changes);

    /// <summary>Records the gateway-main agent (idempotent for the same agent).</summary>
    Task<GatewayView> AssignMainAgent(Guid agentId);

    /// <summary>Deletes the gateway; deleting it again changes nothing. NotFound if it never existed.</summary>
    Task Delete();

    /// <summary>The gateway as it may be shown, without its token.</summary>
    Task<GatewayView> Get();

    /// <summary>How to connect, token included: for provisioning and the gateway client only, never for a response.</summary>
    Task<GatewayConnectionDetails> GetConnection();
}

/// <summary>What registering a gateway needs. The token, if any, is kept write-only.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.new-gateway")]
public sealed record NewGateway(Guid OrganizationId, string Name, string Url, string WorkspaceRoot)
{
    /// <summary>Shared gateway token; blank means the gateway needs none.</summary>
    [Orleans.Id(4)]
    public string? Token { get; init; }

    /// <summary>Skip TLS certificate checks on wss://.</summary>
    [Orleans.Id(5)]
    public bool AllowInsecureTls { get; init; }

    /// <summary>Connect without a device identity.</summary>
    [Orleans.Id(6)]
    public bool DisableDevicePairing { get; init; }

    // Records print every member; the token must never reach a log line.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"OrganizationId = {OrganizationId}, Name = {Name}, Url = {Url}, WorkspaceRoot = {WorkspaceRoot}, ");
        builder.Append($"Token = {GatewayTokenText.Mask(Token)}, AllowInsecureTls = {AllowInsecureTls}, DisableDevicePairing = {DisableDevicePairing}");
        return true;
    }
}

/// <summary>A gateway update: null members stay as they are; a blank token clears it.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.gateway-changes")]
public sealed record GatewayChanges
{
    [Orleans.Id(0)]
    public string? Name { get; init; }

    [Orleans.Id(1)]
    public string? Url { get; init; }

    [Orleans.Id(2)]
    public string? WorkspaceRoot { get; init; }

    [Orleans.Id(3)]
    public string? Token { get; init; }

    [Orleans.Id(4)]
    public bool? AllowInsecureTls { get; init; }

    [Orleans.Id(5)]
    public bool? DisableDevicePairing { get; init; }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Name = {Name}, Url = {Url}, WorkspaceRoot = {WorkspaceRoot}, Token = {GatewayTokenText.Mask(Token)}, ");
        builder.Append($"AllowInsecureTls = {AllowInsecureTls}, DisableDevicePairing = {DisableDevicePairing}");
        return true;
    }
}

/// <summary>What may be shown about a gateway: everything but its token.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.gateway-view")]
public sealed record GatewayView(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Url,
    bool HasToken,
    string WorkspaceRoot,
    bool AllowInsecureTls,
    bool DisableDevicePairing,
    Guid? MainAgentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>How to reach a gateway, token included. Internal use only; prints the token masked.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.gateway-connection-details")]
public sealed record GatewayConnectionDetails(
    Guid GatewayId,
    string Url,
    string? Token,
    bool AllowInsecureTls,
    bool DisableDevicePairing,
    string WorkspaceRoot)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"GatewayId = {GatewayId}, Url = {Url}, Token = {GatewayTokenText.Mask(Token)}, ");
        builder.Append($"AllowInsecureTls = {AllowInsecureTls}, DisableDevicePairing = {DisableDevicePairing}, WorkspaceRoot = {WorkspaceRoot}");
        return true;
    }
}

internal static class GatewayTokenText
{
    public static string Mask(string? token) => token is null ? "null" : "***";
}
