using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Errors;

namespace MissionControl.Grains.Gateways.Lifecycle;

/// <summary>
/// Connects with settings about to be saved and checks the gateway is one we can work with: a
/// version or protocol it does not meet is a validation error, not reaching it a gateway error
/// ("Gateway compatibility check failed: …").
/// </summary>
public sealed class GatewayCompatibility(GatewayProbe probe)
{
    /// <summary>The gateway rule's own words for a URL that is not ws:// or wss://.</summary>
    public const string InvalidUrl = "url must be a ws:// or wss:// URL";

    /// <summary>True for an absolute ws:// or wss:// URL (the only kind the client can open).</summary>
    public static bool IsGatewayUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss";

    public async Task CheckAsync(GatewayConnectionDetails settings, CancellationToken ct)
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
            throw new GatewayException(ex.Kind, $"Gateway compatibility check failed: {ex.Message}", isTransient: false, ex) { Method = ex.Method };
        }
    }
}
