using System.Text.Json;

namespace MissionControl.OpenClaw.Protocol;

/// <summary>What the client keeps from <c>hello-ok</c>. Read leniently: the payload carries far more.</summary>
/// <param name="Protocol">Negotiated wire protocol.</param>
/// <param name="Version">Server release (CalVer), when reported.</param>
/// <param name="TickInterval">Interval of <c>tick</c> events, from <c>policy.tickIntervalMs</c>.</param>
/// <param name="GrantedScopes">Scopes actually granted (<c>auth.scopes</c>).</param>
/// <param name="DefaultAgentId">The gateway's default agent, when reported.</param>
public sealed record GatewayServerInfo(
    int Protocol,
    string? Version,
    TimeSpan TickInterval,
    IReadOnlyList<string> GrantedScopes,
    string? DefaultAgentId)
{
    private static readonly TimeSpan DefaultTick = TimeSpan.FromSeconds(30);

    /// <summary>Reads a <c>hello-ok</c> payload.</summary>
    public static GatewayServerInfo Parse(JsonElement hello)
    {
        var server = JsonRead.Object(hello, "server");
        var policy = JsonRead.Object(hello, "policy");
        var auth = JsonRead.Object(hello, "auth");
        var snapshot = JsonRead.Object(hello, "snapshot");
        var sessionDefaults = snapshot is { } s ? JsonRead.Object(s, "sessionDefaults") : null;
        var tickMs = policy is { } p ? JsonRead.Long(p, "tickIntervalMs") : null;
        return new GatewayServerInfo(
            Protocol: (int)(JsonRead.Long(hello, "protocol") ?? 0),
            Version: server is { } sv ? JsonRead.String(sv, "version") : null,
            TickInterval: tickMs is > 0 ? TimeSpan.FromMilliseconds(tickMs.Value) : DefaultTick,
            GrantedScopes: auth is { } a ? JsonRead.Strings(a, "scopes") : [],
            DefaultAgentId: sessionDefaults is { } sd ? JsonRead.String(sd, "defaultAgentId") : null);
    }
}
