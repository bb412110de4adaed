using System.Text.Json;

namespace MissionControl.OpenClaw.Protocol;

/// <summary>The <c>error</c> object of a failed response frame, read leniently.</summary>
/// <param name="Code">Top-level code such as <c>INVALID_REQUEST</c>, <c>FORBIDDEN</c> or <c>UNAVAILABLE</c>.</param>
/// <param name="Message">Human-readable message; many domain errors are identified only by it.</param>
/// <param name="DetailsCode"><c>details.code</c>, when present.</param>
/// <param name="Retryable">The gateway's own retry hint, when present.</param>
/// <param name="RetryAfterMs">How long to wait before retrying, when present.</param>
/// <param name="Details">The raw <c>details</c> object, when present.</param>
public sealed record GatewayErrorFrame(
    string? Code,
    string Message,
    string? DetailsCode,
    bool? Retryable,
    long? RetryAfterMs,
    JsonElement? Details)
{
    /// <summary>Reads an <c>error</c> element; missing fields stay null.</summary>
    public static GatewayErrorFrame Parse(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
            return new GatewayErrorFrame(null, "Gateway error", null, null, null, null);
        var details = error.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        return new GatewayErrorFrame(
            Code: JsonRead.String(error, "code"),
            Message: JsonRead.String(error, "message") ?? "Gateway error",
            DetailsCode: details is { } dd ? JsonRead.String(dd, "code") : null,
            Retryable: JsonRead.Bool(error, "retryable"),
            RetryAfterMs: JsonRead.Long(error, "retryAfterMs"),
            Details: details);
    }
}
