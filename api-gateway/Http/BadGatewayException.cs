namespace MissionControl.ApiGateway.Http;

/// <summary>
/// A gateway call a request depended on failed: answered with 502 and <paramref name="detail"/>
/// (the contract's "Gateway … failed: …" texts, or the gateway's own message).
/// </summary>
public sealed class BadGatewayException(string detail, Exception? inner = null) : Exception(detail, inner)
{
    public string Detail { get; } = detail;
}
