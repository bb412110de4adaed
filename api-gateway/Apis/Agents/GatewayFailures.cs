using MissionControl.ApiGateway.Http;
using MissionControl.OpenClaw.Errors;

namespace MissionControl.ApiGateway.Apis.Agents;

internal static class GatewayFailures
{
    // Operation names as the error details give them: "<operation> failed: <error>".
    public const string Nudge = "Gateway nudge";
    public const string SoulRead = "Gateway SOUL read";
    public const string SoulUpdate = "Gateway SOUL update";
    public const string Cleanup = "Gateway cleanup";

    /// <summary>
    /// Names the gateway step a route's gateway failure (after the client's own retries) was, so
    /// its 502 says "<paramref name="operation"/> failed: …" and handlers stay about the happy path.
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
                    throw BadGatewayException.Failed(operation, ex.Message, ex);
                }
            })
            .AnswersBadGateway();

    /// <summary>Lists the 502 a route may answer (a gateway step it depends on failed) in the OpenAPI document.</summary>
    public static RouteHandlerBuilder AnswersBadGateway(this RouteHandlerBuilder builder) =>
        builder.Produces<ErrorBody>(StatusCodes.Status502BadGateway);
}
