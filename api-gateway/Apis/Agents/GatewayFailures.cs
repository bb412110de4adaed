using MissionControl.ApiGateway.Http;
using MissionControl.OpenClaw.Errors;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>A gateway that failed a call the request depended on: 502 with "<c>&lt;operation&gt; failed: &lt;error&gt;</c>".</summary>
public sealed class BadGateway(string detail) : IResult
{
    public string Detail { get; } = detail;

    public static BadGateway Failed(string operation, string? error) => new($"{operation} failed: {error}");

    public Task ExecuteAsync(HttpContext httpContext) =>
        ApiErrors.WriteAsync(httpContext, StatusCodes.Status502BadGateway, Detail);
}

internal static class GatewayFailures
{
    // Operation names as the error details give them: "<operation> failed: <error>".
    public const string Nudge = "Gateway nudge";
    public const string SoulRead = "Gateway SOUL read";
    public const string SoulUpdate = "Gateway SOUL update";
    public const string Cleanup = "Gateway cleanup";

    /// <summary>
    /// Answers 502 "<paramref name="operation"/> failed: …" when the handler's gateway call fails
    /// (after the client's own retries), so handlers stay about the happy path.
    /// </summary>
    public static RouteHandlerBuilder AnswersBadGatewayOn(this RouteHandlerBuilder builder, string operation) =>
        builder
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (GatewayException ex)
                {
                    return BadGateway.Failed(operation, ex.Message);
                }
            })
            .Produces<ErrorBody>(StatusCodes.Status502BadGateway);
}
