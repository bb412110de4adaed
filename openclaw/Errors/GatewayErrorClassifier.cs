using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Errors;

/// <summary>
/// Turns gateway error frames into <see cref="GatewayException"/>s. The gateway gives many domain
/// errors only as <c>INVALID_REQUEST</c> with a message, so after <c>details.code</c> the message
/// text decides.
/// </summary>
public static class GatewayErrorClassifier
{
    private static readonly string[] AuthenticationDetailCodes =
        ["AUTH_", "DEVICE_AUTH_", "DEVICE_IDENTITY_REQUIRED", "PAIRING_REQUIRED", "NOT_PAIRED"];

    /// <summary>Classifies an <c>ok:false</c> response to <paramref name="method"/>.</summary>
    public static GatewayException FromErrorFrame(string method, GatewayErrorFrame error)
    {
        var (kind, transient) = Classify(error);
        var scope = kind == GatewayErrorKind.MissingScope ? MissingScopeName(error) : null;
        return new GatewayException(kind, Describe(kind, method, error, scope), transient)
        {
            Method = method,
            GatewayCode = error.Code,
            DetailsCode = error.DetailsCode,
            GatewayMessage = error.Message,
            RetryAfter = error.RetryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            MissingScope = scope,
        };
    }

    private static (GatewayErrorKind Kind, bool Transient) Classify(GatewayErrorFrame error)
    {
        var message = error.Message.ToLowerInvariant();
        var details = error.DetailsCode ?? "";
        if (details == "MISSING_SCOPE" || message.StartsWith("missing scope", StringComparison.Ordinal))
            return (GatewayErrorKind.MissingScope, false);
        if (details == "PROTOCOL_MISMATCH" || message.Contains("protocol mismatch", StringComparison.Ordinal))
            return (GatewayErrorKind.ProtocolMismatch, false);
        if (message.Contains("rate limit", StringComparison.Ordinal) || details == "AUTH_RATE_LIMITED")
            return (GatewayErrorKind.RateLimited, true);
        if (IsAuthentication(details, message))
            return (GatewayErrorKind.AuthenticationFailed, false);
        if (message.Contains("unsupported file", StringComparison.Ordinal))
            return (GatewayErrorKind.UnsupportedFile, false);
        if (IsConfigConflict(message))
            return (GatewayErrorKind.ConfigConflict, false);
        if (IsMissingAgent(message))
            return (GatewayErrorKind.AgentNotFound, false);
        if (IsMissingSession(message))
            return (GatewayErrorKind.SessionNotFound, false);
        if (message.Contains("already exists", StringComparison.Ordinal))
            return (GatewayErrorKind.AlreadyExists, false);
        if (IsPluginReload(message))
            return (GatewayErrorKind.Reloading, true);
        if (error.Code == "UNAVAILABLE" || error.Retryable == true)
            return (GatewayErrorKind.Unavailable, true);
        if (TransientMarkers.IsTransientMessage(error.Message))
            return (GatewayErrorKind.Unavailable, true);
        if (error.Code == "INVALID_REQUEST" && message.StartsWith("unknown method", StringComparison.Ordinal))
            return (GatewayErrorKind.UnknownMethod, false);
        return error.Code == "INVALID_REQUEST"
            ? (GatewayErrorKind.InvalidRequest, false)
            : (GatewayErrorKind.Unknown, false);
    }

    private static bool IsAuthentication(string details, string message) =>
        AuthenticationDetailCodes.Any(prefix => details.StartsWith(prefix, StringComparison.Ordinal))
        || message.StartsWith("unauthorized", StringComparison.Ordinal)
        || message.StartsWith("forbidden", StringComparison.Ordinal)
        || message.Contains("device identity required", StringComparison.Ordinal);

    // Stale baseHash, missing baseHash and stale agent-file expectedHash all mean "re-read, then retry".
    private static bool IsConfigConflict(string message) =>
        message.Contains("config changed since last load", StringComparison.Ordinal)
        || message.Contains("config base hash required", StringComparison.Ordinal)
        || (message.StartsWith("agent file", StringComparison.Ordinal) && message.Contains("changed since it was read", StringComparison.Ordinal));

    // The gateway's words while a plugin generation is retired under a call (PluginInstanceUnavailableError).
    private static bool IsPluginReload(string message) =>
        message.Contains("plugininstanceunavailable", StringComparison.Ordinal)
        || message.Contains("was reloaded or disabled", StringComparison.Ordinal)
        || message.Contains("plugin tools changed during", StringComparison.Ordinal);

    private static bool IsMissingAgent(string message) =>
        message.Contains("unknown agent", StringComparison.Ordinal)
        || message.Contains("no such agent", StringComparison.Ordinal)
        || message.Contains("agent does not exist", StringComparison.Ordinal)
        || message.Contains("no longer exists in configuration", StringComparison.Ordinal)
        || (message.StartsWith("agent", StringComparison.Ordinal) && message.Contains("not found", StringComparison.Ordinal));

    private static bool IsMissingSession(string message) =>
        message.Contains("unknown session", StringComparison.Ordinal)
        || message.Contains("no such session", StringComparison.Ordinal)
        || message.Contains("session does not exist", StringComparison.Ordinal)
        || message.Contains("no session found", StringComparison.Ordinal)
        || (message.Contains("session", StringComparison.Ordinal) && message.Contains("not found", StringComparison.Ordinal));

    private static string? MissingScopeName(GatewayErrorFrame error)
    {
        if (error.Details is { } details && JsonRead.String(details, "missingScope") is { } scope)
            return scope;
        const string prefix = "missing scope:";
        var index = error.Message.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? null : error.Message[(index + prefix.Length)..].Trim();
    }

    private static string Describe(GatewayErrorKind kind, string method, GatewayErrorFrame error, string? scope) => kind switch
    {
        GatewayErrorKind.MissingScope =>
            $"Gateway token is missing required scope `{scope ?? "unknown"}`. Update the gateway token scopes and retry. ({method}: {error.Message})",
        GatewayErrorKind.AuthenticationFailed =>
            $"Gateway authentication failed. Verify gateway token and operator scopes. ({method}: {error.Message})",
        _ => $"{method}: {error.Message}",
    };
}
