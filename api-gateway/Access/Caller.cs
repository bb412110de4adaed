using MissionControl.ApiGateway.Authentication;

namespace MissionControl.ApiGateway.Access;

/// <summary>
/// Who calls a route open to users and agents (<c>RequireUserOrAgent()</c>): a signed-in user
/// with their session, or an agent with its own token. Take it as a handler parameter.
/// </summary>
public abstract record Caller
{
    private Caller()
    {
    }

    public sealed record User(UserSession Session) : Caller;

    public sealed record Agent(AgentCaller Self) : Caller;

    /// <summary>Minimal-API binding hook.</summary>
    public static async ValueTask<Caller?> BindAsync(HttpContext context) =>
        AgentCaller.From(context.User) is { } agent
            ? new Agent(agent)
            : new User(await context.RequestServices.GetRequiredService<UserSessions>().ResolveAsync(context));
}
