namespace MissionControl.OpenClaw.Errors;

/// <summary>
/// The one exception type the gateway client throws. <see cref="Kind"/> says what happened,
/// <see cref="IsTransient"/> whether retrying the same call later may succeed.
/// </summary>
public sealed class GatewayException : Exception
{
    /// <summary>Creates a normalized gateway error.</summary>
    public GatewayException(GatewayErrorKind kind, string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        IsTransient = isTransient;
    }

    /// <summary>The normalized error category.</summary>
    public GatewayErrorKind Kind { get; }

    /// <summary>True when the same call may succeed if retried after a delay.</summary>
    public bool IsTransient { get; }

    /// <summary>The RPC method that failed, when known.</summary>
    public string? Method { get; init; }

    /// <summary>The gateway's <c>error.code</c> (e.g. <c>INVALID_REQUEST</c>), when the gateway answered.</summary>
    public string? GatewayCode { get; init; }

    /// <summary>The gateway's <c>error.details.code</c> (e.g. <c>MISSING_SCOPE</c>), when present.</summary>
    public string? DetailsCode { get; init; }

    /// <summary>The gateway's own message, unmodified.</summary>
    public string? GatewayMessage { get; init; }

    /// <summary>How long the gateway asked us to wait (<c>retryAfterMs</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The scope named by a <see cref="GatewayErrorKind.MissingScope"/> error.</summary>
    public string? MissingScope { get; init; }
}
