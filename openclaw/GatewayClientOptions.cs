namespace MissionControl.OpenClaw;

/// <summary>When the client signs the connect challenge with a device key.</summary>
public enum DeviceIdentityMode
{
    /// <summary>Only for gateways that are not on loopback (loopback backends are trusted without one).</summary>
    Auto,

    /// <summary>Always present a device identity.</summary>
    Always,

    /// <summary>Never present one; remote gateways will then grant no scopes.</summary>
    Never,
}

/// <summary>How to reach and authenticate to one gateway. One instance per gateway.</summary>
public sealed record GatewayClientOptions
{
    /// <summary>Scopes requested by default; the gateway grants none when the list is omitted.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes = ["operator.admin", "operator.read", "operator.write"];

    /// <summary>Stable id of the gateway (keys the device identity and the circuit breaker).</summary>
    public required string GatewayId { get; init; }

    /// <summary>WebSocket URL, e.g. <c>ws://127.0.0.1:18789</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>Shared gateway token sent as <c>auth.token</c>.</summary>
    public required string Token { get; init; }

    /// <summary>Per-gateway device identity setting.</summary>
    public DeviceIdentityMode DeviceIdentity { get; init; } = DeviceIdentityMode.Auto;

    /// <summary><c>client.id</c>; the gateway accepts only a closed list of ids.</summary>
    public string ClientId { get; init; } = "gateway-client";

    /// <summary><c>client.mode</c>; <c>backend</c> together with <c>gateway-client</c> keeps scopes on loopback.</summary>
    public string ClientMode { get; init; } = "backend";

    /// <summary><c>client.displayName</c>.</summary>
    public string ClientDisplayName { get; init; } = "mission-control";

    /// <summary><c>client.version</c>.</summary>
    public string ClientVersion { get; init; } = "1.0.0";

    /// <summary><c>client.platform</c>; also part of the signed device payload.</summary>
    public string Platform { get; init; } = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : "linux";

    /// <summary>Requested role.</summary>
    public string Role { get; init; } = "operator";

    /// <summary>Requested operator scopes.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = DefaultScopes;

    /// <summary>Lowest wire protocol the client speaks.</summary>
    public int MinProtocol { get; init; } = 3;

    /// <summary>Highest wire protocol the client speaks.</summary>
    public int MaxProtocol { get; init; } = 4;

    /// <summary>Oldest gateway release (CalVer) accepted; null disables the check.</summary>
    public string? MinimumServerVersion { get; init; } = "2026.2.9";

    /// <summary>Default time limit for one request, including connecting when needed.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for <c>connect.challenge</c> after the socket opens.</summary>
    public TimeSpan ChallengeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First pause before reconnecting after a failed connect; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest pause between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the URL's host is a loopback address or <c>localhost</c>.</summary>
    public bool IsLoopback => Url.IsLoopback;

    /// <summary>
    /// True when both open the same connection: every setting equal, the scopes compared by
    /// content (two equal lists are the same request even when they are different objects).
    /// </summary>
    public static bool SameConnection(GatewayClientOptions a, GatewayClientOptions b) =>
        a == b || (a with { Scopes = b.Scopes } == b && a.Scopes.SequenceEqual(b.Scopes, StringComparer.Ordinal));

    /// <summary>Whether this connection should sign the challenge.</summary>
    public bool UsesDeviceIdentity => DeviceIdentity switch
    {
        DeviceIdentityMode.Always => true,
        DeviceIdentityMode.Never => false,
        _ => !IsLoopback,
    };
}
