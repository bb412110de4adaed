using MissionControl.ApiGateway.Authentication;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Runtime;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Stamps every event a request causes with who made it (<c>user:&lt;id&gt;</c> or
/// <c>agent:&lt;id&gt;</c>) and the request's id, through the call context that travels into
/// grain calls. Runs after authentication; an anonymous request acts as nobody.
/// </summary>
internal sealed class ActingCallerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (CallContext.Begin(CausedBy(context), context.TraceIdentifier))
            await next(context);
    }

    private static string? CausedBy(HttpContext context)
    {
        if (AgentCaller.From(context.User) is { } agent)
            return $"agent:{agent.AgentId}";
        return UserCaller.From(context.User) is { } user ? $"user:{UserIds.FromSubject(user.Subject)}" : null;
    }
}
