using Microsoft.Extensions.Primitives;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when it is usable, else a fresh
/// one. The id becomes <see cref="HttpContext.TraceIdentifier"/>, so error bodies carry it, and a
/// logging scope (<c>RequestId</c>) around the rest of the pipeline, so every log line written for
/// the request carries it; it goes back on every response, errors included.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    /// <summary>Longer ids are cut: the header is echoed into logs and responses.</summary>
    public const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Sanitise(context.Request.Headers[HeaderName]) ?? Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;

        // Set when the response starts, so clearing a half-built response cannot drop it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        // Pairs, so structured log output gets a RequestId field of its own.
        using (logger.BeginScope(new[] { new KeyValuePair<string, object>("RequestId", id) }))
            await next(context);
    }

    /// <summary>Keeps only characters safe in a header and a log line; null when nothing is left.</summary>
    public static string? Sanitise(StringValues values)
    {
        var raw = values.Count > 0 ? values[0] : null;
        if (string.IsNullOrEmpty(raw))
            return null;
        var kept = new string([.. raw.Where(IsSafe).Take(MaxLength)]);
        return kept.Length > 0 ? kept : null;
    }

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';
}
