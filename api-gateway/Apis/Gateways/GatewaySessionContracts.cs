using System.Text.Json;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>
/// The answer of <c>GET /gateways/status</c>. A gateway that cannot be reached is not an HTTP
/// error here: <c>connected</c> is false and <c>error</c> says why. Sessions are passed on as the
/// gateway describes them.
/// </summary>
public sealed record GatewaysStatus(
    bool Connected,
    string GatewayUrl,
    int? SessionsCount,
    IReadOnlyList<JsonElement>? Sessions,
    JsonElement? MainSession,
    string? MainSessionError,
    string? Error)
{
    public static GatewaysStatus Unreachable(string url, string error) => new(false, url, null, null, null, null, error);
}

/// <summary>The answer of <c>GET /gateways/sessions</c>.</summary>
public sealed record GatewaySessions(IReadOnlyList<JsonElement> Sessions, JsonElement? MainSession);

/// <summary>The answer of <c>GET /gateways/sessions/{session_id}</c>.</summary>
public sealed record GatewaySession(JsonElement Session);

/// <summary>The answer of <c>GET /gateways/sessions/{session_id}/history</c>: the transcript, oldest first.</summary>
public sealed record GatewaySessionHistory(IReadOnlyList<JsonElement> History);

/// <summary>The body of <c>POST /gateways/sessions/{session_id}/message</c>.</summary>
public sealed record GatewaySessionMessage(string Content);

/// <summary>The answer of <c>GET /gateways/commands</c>: what the gateway client speaks.</summary>
public sealed record GatewayCommands(int ProtocolVersion, IReadOnlyList<string> Methods, IReadOnlyList<string> Events);
