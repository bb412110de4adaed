namespace MissionControl.OpenClaw.Errors;

/// <summary>
/// Message fragments that mark an error as transient or explicitly not, matched case-insensitively.
/// The lists carry over from the provisioning spec so behaviour stays comparable.
/// </summary>
public static class TransientMarkers
{
    /// <summary>Fragments of messages for errors worth retrying.</summary>
    public static readonly IReadOnlyList<string> Transient =
    [
        "connect call failed", "connection refused", "errno 111", "econnrefused",
        "did not receive a valid http response", "no route to host", "network is unreachable",
        "host is down", "name or service not known", "received 1012", "service restart",
        "http 503", "http 502", "http 504", "temporar", "timeout", "timed out",
        "connection closed", "connection reset",
    ];

    /// <summary>Fragments that override <see cref="Transient"/>: retrying cannot help.</summary>
    public static readonly IReadOnlyList<string> NonTransient = ["unsupported file"];

    /// <summary>Applies the marker rules to a message.</summary>
    public static bool IsTransientMessage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
            return false;
        var lower = message.ToLowerInvariant();
        if (NonTransient.Any(lower.Contains))
            return false;
        return (lower.Contains("503", StringComparison.Ordinal) && lower.Contains("websocket", StringComparison.Ordinal))
            || Transient.Any(lower.Contains);
    }
}
