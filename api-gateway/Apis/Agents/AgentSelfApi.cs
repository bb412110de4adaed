using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.OpenApi;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>The routes an agent calls about itself with its own token (<c>/api/v1/agent/*</c>).</summary>
public static class AgentSelfApi
{

    public static IEndpointRouteBuilder MapAgentSelfApi(this IEndpointRouteBuilder app)
    {
        var agent = app.MapGroup("/api/v1/agent").RequireAgent().WithAgentRoles(AgentRoles.Every);
        agent.MapGet("/healthz", Healthz).WithName("AgentHealthz");
        ProvenAgentToken.ChecksTokenHash(agent.MapPost("/heartbeat", Heartbeat).WithName("AgentHeartbeat"));
        return app;
    }

    /// <summary>Confirms the token works and says who the caller is and how it stands.</summary>
    public static async Task<Ok<AgentHealth>> Healthz(
        AgentCaller caller, AgentGuard guard, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var self = await guard.SelfAsync(caller, ct);
        var status = AgentStatusView.Compute(self.Status, self.LastSeenAt, clock.GetUtcNow(), options.OfflineAfter);
        return TypedResults.Ok(new AgentHealth(true, caller.AgentId, caller.BoardId, self.GatewayId, status, caller.IsBoardLead));
    }

    /// <summary>
    /// The caller checks in: online unless it reported otherwise, last seen now. The grain records
    /// it only if the token's hash is still the agent's, which is what lets authentication skip
    /// the directory read for a token it has proven before; a rotated or deleted one gets 401.
    /// </summary>
    public static async Task<Results<Ok<AgentRead>, UnauthorizedHttpResult>> Heartbeat(
        AgentCaller caller, HttpContext context, IGrainFactory grains, AgentTokenAuthenticator tokens,
        TimeProvider clock, AgentOptions options)
    {
        var proven = ProvenAgentToken.From(context)
            ?? throw new InvalidOperationException("The agent heartbeat ran without a proven agent token.");
        var agent = await grains.GetGrain<IAgentGrain>(caller.AgentId.ToString()).RecordOwnHeartbeat(null, proven.TokenHash);
        if (agent is null)
        {
            tokens.ForgetOutdated(proven.Fingerprint);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Unauthorized();
        }
        return TypedResults.Ok(AgentRead.From(agent, clock.GetUtcNow(), options.OfflineAfter));
    }
}
