using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.ApiGateway.OpenApi;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Common;
using MissionControl.Templates.Rendering;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Inbox;

/// <summary>
/// The agent inbox (<c>/api/gateway/*</c>), called with <c>X-Api-Key</c>: fetch leased messages,
/// report them, check in, write to other agents, and fetch the skill that explains all this.
/// </summary>
public static class GatewayInboxApi
{

    public static IEndpointRouteBuilder MapGatewayInboxApi(this IEndpointRouteBuilder app)
    {
        var gateway = app.MapGroup("/api/gateway").RequireInboxKey().WithTags("gateway").WithAgentRoles(AgentRoles.Every);
        gateway.MapGet("/poll", Poll).WithName("GatewayPoll");
        gateway.MapPost("/report", Report).WithName("GatewayReport");
        gateway.MapPost("/heartbeat", Heartbeat).WithName("GatewayHeartbeat");
        gateway.MapPost("/send-message", SendMessage).WithName("GatewaySendMessage");
        gateway.MapGet("/setup-guide/{agent_id}", SetupGuide).WithName("GatewaySetupGuide");
        return app;
    }

    /// <summary>Leases the caller's waiting messages (oldest first) and lists who it works with.</summary>
    public static async Task<Ok<GatewayPollResponse>> Poll(AgentCaller caller, IGrainFactory grains, TimeProvider clock) =>
        TypedResults.Ok(GatewayPollResponse.From(await InboxOf(grains, caller).Poll(clock.GetUtcNow())));

    /// <summary>Completes one of the caller's delivered messages; a message from an agent sends it the result.</summary>
    public static async Task<Ok<GatewayStatus>> Report(
        GatewayReportRequest body, AgentCaller caller, IGrainFactory grains, TimeProvider clock)
    {
        await InboxOf(grains, caller).Report(body.MessageId, body.Result, clock.GetUtcNow());
        return TypedResults.Ok(new GatewayStatus("ok"));
    }

    /// <summary>The caller is alive (it is never brought back from failed or deleted by this).</summary>
    public static async Task<Ok<GatewayHeartbeat>> Heartbeat(AgentCaller caller, IGrainFactory grains, TimeProvider clock)
    {
        await InboxOf(grains, caller).RecordHeartbeat(clock.GetUtcNow());
        return TypedResults.Ok(new GatewayHeartbeat("ok", caller.AgentId));
    }

    /// <summary>Queues a message for another agent of the caller's organization, named by id or exact name.</summary>
    public static async Task<Results<Ok<GatewaySendMessageAccepted>, JsonHttpResult<ErrorBody>>> SendMessage(
        GatewaySendMessageRequest body, AgentCaller caller, IGrainFactory grains, TimeProvider clock, HttpContext context)
    {
        var outcome = await InboxOf(grains, caller).Send(new InboxSend(body.Target, body.Content, body.Channel, body.MessageId), clock.GetUtcNow());
        return outcome switch
        {
            SendAccepted sent => TypedResults.Ok(GatewaySendMessageAccepted.From(sent)),
            SendAmbiguous ambiguous => Error(context, StatusCodes.Status409Conflict, AmbiguousTarget.From(ambiguous)),
            SendToPerson person => Error(context, StatusCodes.Status400BadRequest, person.Detail),
            _ => throw new InvalidOperationException($"Unexpected send outcome {outcome.GetType().Name}"),
        };
    }

    /// <summary>The inbox skill for the caller itself; any other agent id reads as unknown.</summary>
    public static Ok<GatewaySetupGuide> SetupGuide(
        [FromRoute(Name = "agent_id")] Guid agentId, AgentCaller caller, AgentOptions agents, InboxOptions inbox) =>
        agentId == caller.AgentId
            ? TypedResults.Ok(new GatewaySetupGuide(
                InboxSkill.Filename, InboxSkill.For(agentId, agents.BaseUrl, inbox.PollLimit, inbox.MaxDeliveries), InboxSkill.HeartbeatAddition))
            : throw DomainError.NotFound();

    private static IAgentInboxGrain InboxOf(IGrainFactory grains, AgentCaller caller) =>
        grains.GetGrain<IAgentInboxGrain>(caller.AgentId.ToString());

    private static JsonHttpResult<ErrorBody> Error(HttpContext context, int status, object detail) =>
        TypedResults.Json(new ErrorBody(detail, context.TraceIdentifier), statusCode: status);
}
