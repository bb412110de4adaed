using System.Security.Claims;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>An agent's role, as the OpenAPI role tags name it.</summary>
public enum AgentRole
{
    Lead,
    Worker,
    Main,
}

public static class AgentRoles
{
    public const string LeadTag = "agent-lead";
    public const string WorkerTag = "agent-worker";
    public const string MainTag = "agent-main";

    /// <summary>Every role, for operations all agents may call.</summary>
    public static readonly AgentRole[] Every = [AgentRole.Lead, AgentRole.Worker, AgentRole.Main];

    public static string Tag(this AgentRole role) => role switch
    {
        AgentRole.Lead => LeadTag,
        AgentRole.Worker => WorkerTag,
        _ => MainTag,
    };

    /// <summary>Gateway-main agents have no board; a board's agents are its lead or workers.</summary>
    public static AgentRole Of(AgentTokenCandidate agent) =>
        agent.BoardId is null ? AgentRole.Main : agent.IsBoardLead ? AgentRole.Lead : AgentRole.Worker;
}

/// <summary>Claim types this service puts on its principals.</summary>
public static class CallerClaims
{
    public const string Subject = "sub";
    public const string AgentId = "agent_id";
    public const string BoardId = "board_id";
    public const string AgentRole = "agent_role";
}

/// <summary>
/// The authenticated agent behind a request. Take it as a handler parameter on endpoints that
/// <see cref="EndpointAuthorization.RequireAgent{TBuilder}"/>.
/// </summary>
public sealed record AgentCaller(Guid AgentId, Guid? BoardId, AgentRole Role)
{
    public bool IsBoardLead => Role == AgentRole.Lead;
    public bool IsGatewayMain => Role == AgentRole.Main;

    /// <summary>The agent in <paramref name="user"/>, or null when the caller is not an agent.</summary>
    public static AgentCaller? From(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(CallerClaims.AgentId), out var agentId))
            return null;
        Guid? boardId = Guid.TryParse(user.FindFirstValue(CallerClaims.BoardId), out var board) ? board : null;
        var role = Enum.TryParse<AgentRole>(user.FindFirstValue(CallerClaims.AgentRole), out var parsed) ? parsed : AgentRole.Worker;
        return new AgentCaller(agentId, boardId, role);
    }

    /// <summary>Minimal-API binding hook; a missing agent here means the endpoint forgot RequireAgent.</summary>
    public static ValueTask<AgentCaller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<AgentCaller?>(From(context.User)
            ?? throw new InvalidOperationException($"{nameof(AgentCaller)} is bound on an endpoint that does not require agent authentication."));

    internal static ClaimsPrincipal Principal(AgentTokenCandidate agent, string scheme)
    {
        var claims = new List<Claim>
        {
            new(CallerClaims.AgentId, agent.AgentId.ToString()),
            new(CallerClaims.AgentRole, AgentRoles.Of(agent).ToString()),
        };
        if (agent.BoardId is { } board)
            claims.Add(new Claim(CallerClaims.BoardId, board.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}

/// <summary>The authenticated operator behind a request: the local user or a JWT's subject.</summary>
public sealed record UserCaller(string Subject, string? Email, string? Name)
{
    /// <summary>The single user of AUTH_MODE=local, as the contract names it.</summary>
    public static readonly UserCaller Local = new("local-auth-user", "admin@home.local", "Local User");

    /// <summary>The user in <paramref name="user"/>, or null when the caller is an agent or anonymous.</summary>
    public static UserCaller? From(ClaimsPrincipal user) =>
        user.FindFirstValue(CallerClaims.AgentId) is null && user.FindFirstValue(CallerClaims.Subject) is { } subject
            ? new UserCaller(subject, user.FindFirstValue("email"), user.FindFirstValue("name"))
            : null;

    internal ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(CallerClaims.Subject, Subject) };
        if (Email is not null)
            claims.Add(new Claim("email", Email));
        if (Name is not null)
            claims.Add(new Claim("name", Name));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
