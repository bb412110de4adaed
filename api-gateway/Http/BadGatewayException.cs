namespace MissionControl.ApiGateway.Http;

/// <summary>
/// A gateway call a request depended on failed: answered with 502 and <paramref name="detail"/>
/// (the contract's "Gateway … failed: …" texts, or the gateway's own message). The one way an
/// endpoint says 502; a gateway client error that escapes an endpoint is a 502 too, with the
/// gateway's message (see <see cref="ApiErrorMiddleware"/>).
/// </summary>
public sealed class BadGatewayException(string detail, Exception? inner = null) : Exception(detail, inner)
{
    public string Detail { get; } = detail;

    /// <summary>"<paramref name="operation"/> failed: <paramref name="error"/>", as the contract words a failed gateway step.</summary>
    public static BadGatewayException Failed(string operation, string? error, Exception? inner = null) =>
        new($"{operation} failed: {error}", inner);
}
