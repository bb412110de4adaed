using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Resilience;
using MissionControl.Grains.Common;
using MissionControl.ApiGateway.Http;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>
/// The gateway client as endpoints need it: the shared connection of a registered gateway, or a
/// one-off connection for settings that are not saved (yet). Take it as a handler parameter.
/// </summary>
public sealed class GatewayClients(GatewayClientPool pool, IGatewayConnections connections, GatewayProbe probe)
{
    /// <summary>The control plane of a registered gateway, with the settings its grain holds now.</summary>
    public async Task<IGatewayControlPlane> OfAsync(Guid gatewayId, CancellationToken ct) =>
        pool.ControlPlane(await connections.ResolveAsync(gatewayId.ToString(), ct));

    /// <summary>Runs <paramref name="work"/> on a connection of its own with settings that are not saved.</summary>
    public Task<T> OneOffAsync<T>(GatewayConnectionDetails settings, Func<IGatewayControlPlane, Task<T>> work) =>
        probe.RunAsync(GrainGatewayConnections.ToOptions(settings), work);

    /// <summary>
    /// Connects with settings about to be saved and checks the gateway is one we can work with:
    /// a version or protocol it does not meet is a 422, not reaching it a 502
    /// ("Gateway compatibility check failed: …").
    /// </summary>
    public async Task CheckCompatibilityAsync(GatewayConnectionDetails settings, CancellationToken ct)
    {
        if (!IsGatewayUrl(settings.Url))
            throw DomainError.Validation(InvalidUrl);
        try
        {
            await probe.CheckAsync(GrainGatewayConnections.ToOptions(settings), ct);
        }
        catch (GatewayException ex) when (ex.Kind is GatewayErrorKind.VersionTooOld or GatewayErrorKind.ProtocolMismatch)
        {
            throw DomainError.Validation(ex.Message);
        }
        catch (GatewayException ex)
        {
            throw new BadGatewayException($"Gateway compatibility check failed: {ex.Message}", ex);
        }
    }

    /// <summary>The gateway rule's own words for a URL that is not ws:// or wss://.</summary>
    public const string InvalidUrl = "url must be a ws:// or wss:// URL";

    /// <summary>True for an absolute ws:// or wss:// URL (the only kind the client can open).</summary>
    public static bool IsGatewayUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss";

    /// <summary>Minimal-API binding hook.</summary>
    public static ValueTask<GatewayClients?> BindAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var probe = new GatewayProbe(services.GetRequiredService<IDeviceIdentityStore>(), services.GetRequiredService<GatewayResilienceOptions>());
        return ValueTask.FromResult<GatewayClients?>(new GatewayClients(
            services.GetRequiredService<GatewayClientPool>(), services.GetRequiredService<IGatewayConnections>(), probe));
    }
}
