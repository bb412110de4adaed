using Microsoft.Net.Http.Headers;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>Where callers put their tokens.</summary>
internal static class RequestTokens
{
    public const string AgentTokenHeader = "X-Agent-Token";

    public static bool HasAgentTokenHeader(HttpRequest request) => request.Headers.ContainsKey(AgentTokenHeader);

    /// <summary>The <c>Authorization: Bearer</c> credential, or null.</summary>
    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? NonEmpty(header[prefix.Length..]) : null;
    }

    /// <summary>
    /// The password of <c>Authorization: Basic</c> credentials (the user name is ignored), or null
    /// when there are none or they are not base64 of <c>user:password</c>.
    /// </summary>
    public static string? BasicPassword(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string prefix = "Basic ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return null;
        Span<byte> decoded = stackalloc byte[header.Length];
        if (!Convert.TryFromBase64String(header[prefix.Length..].Trim(), decoded, out var length))
            return null;
        var credentials = System.Text.Encoding.UTF8.GetString(decoded[..length]);
        var colon = credentials.IndexOf(':');
        return colon < 0 ? null : NonEmpty(credentials[(colon + 1)..]);
    }

    /// <summary><c>X-Agent-Token</c> if sent, else the bearer credential.</summary>
    public static string? Agent(HttpRequest request) =>
        NonEmpty(request.Headers[AgentTokenHeader].ToString()) ?? Bearer(request);

    /// <summary>The address failures are counted against. Forwarding headers are not trusted here.</summary>
    public static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
