using System.Net;
using System.Net.WebSockets;

namespace MissionControl.OpenClaw.Errors;

/// <summary>Factories for errors the client itself detects (transport, timeouts, handshake checks).</summary>
public static class GatewayErrors
{
    /// <summary>A request got no reply in time.</summary>
    public static GatewayException Timeout(string method, TimeSpan timeout) =>
        new(GatewayErrorKind.Timeout, $"{method}: gateway request timed out after {timeout.TotalSeconds:0.###} s", isTransient: true)
        {
            Method = method,
        };

    /// <summary>The socket closed while requests were pending or before the handshake finished.</summary>
    public static GatewayException ConnectionClosed(WebSocketCloseStatus? status, string? reason, Exception? inner = null)
    {
        var code = status is { } s ? $"received {(int)s}" : "no close frame";
        var text = string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}";
        // 1008 (policy) and 1002 (protocol) closes come with the handshake verdict; retrying will not help.
        var transient = status is not (WebSocketCloseStatus.PolicyViolation or WebSocketCloseStatus.ProtocolError);
        return new GatewayException(GatewayErrorKind.Transport, $"gateway connection closed ({code}){text}", transient, inner);
    }

    /// <summary>The WebSocket could not be opened.</summary>
    public static GatewayException ConnectFailed(Uri uri, HttpStatusCode? upgradeStatus, Exception inner)
    {
        if (upgradeStatus is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new GatewayException(GatewayErrorKind.AuthenticationFailed,
                $"Gateway authentication failed. Verify gateway token and operator scopes. (websocket upgrade to {uri} rejected with http {(int)upgradeStatus})",
                isTransient: false, inner);
        }

        var what = upgradeStatus is { } status
            ? $"websocket upgrade rejected with http {(int)status}"
            : $"websocket connect failed: {Flatten(inner)}";
        // A failed connect means the gateway is not reachable right now; retrying is the point.
        return new GatewayException(GatewayErrorKind.Transport, $"{what} ({uri})", isTransient: true, inner);
    }

    /// <summary>The gateway runs a CalVer release below the configured minimum.</summary>
    public static GatewayException VersionTooOld(string version, string minimum) =>
        new(GatewayErrorKind.VersionTooOld,
            $"Gateway version too old: {version} is below the minimum supported version {minimum}. Upgrade the gateway.",
            isTransient: false);

    /// <summary>The gateway negotiated a protocol outside the client's range.</summary>
    public static GatewayException ProtocolMismatch(int serverProtocol, int min, int max) =>
        new(GatewayErrorKind.ProtocolMismatch,
            $"protocol mismatch: gateway speaks protocol {serverProtocol}, client supports {min}..{max}",
            isTransient: false);

    /// <summary>The client was disposed while a call was pending.</summary>
    public static GatewayException ClientClosed() =>
        new(GatewayErrorKind.ClientClosed, "gateway client was disposed", isTransient: false);

    private static string Flatten(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
            messages.Add(current.Message);
        return string.Join(" -> ", messages.Distinct());
    }
}
