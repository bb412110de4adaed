using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>
/// Operators' agent routes (<c>/api/v1/agents</c>): list, stream, read, create, change, delete
/// and heartbeats. Admins only, within the boards they may read or write; creating and
/// heartbeats are open to agents too (a lead creates on its own board, an agent beats for itself).
/// </summary>
public static partial class AgentsApi
{
    public const string StreamEventName = "agent";

    // Rows per poll of the stream; the next poll carries on from the last one sent.
    private const int StreamBatch = 500;

    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/agents").RequireUser().WithTags("agents");
        users.MapGet("", List).WithName("ListAgents");
        users.MapGet("/stream", Stream).WithName("StreamAgents");
        users.MapGet("/{agentId:guid}", Get).WithName("GetAgent");
        users.MapPatch("/{agentId:guid}", Update).WithName("UpdateAgent");
        users.MapDelete("/{agentId:guid}", Delete).WithName("DeleteAgent").AnswersBadGateway();

        var either = app.MapGroup("/api/v1/agents").RequireUserOrAgent().WithTags("agents");
        either.MapPost("", Create).WithName("CreateAgent");
        either.MapPost("/heartbeat", HeartbeatOrCreate).WithName("HeartbeatOrCreateAgent");
        either.MapPost("/{agentId:guid}/heartbeat", Heartbeat).WithName("HeartbeatAgent");

        app.MapAgentBoardsApi();
        return app;
    }

    /// <summary>Agents on boards the admin may read, plus the organization's gateway-main agents; newest first.</summary>
    public static async Task<Ok<Page<AgentRead>>> List(
        UserSession session, PageRequest page, [FromQuery(Name = "board_id")] Guid? boardId, [FromQuery(Name = "gateway_id")] Guid? gatewayId,
        BoardGuard boards, GatewayQueries gateways, AgentQueries agents, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        await VisibilityAsync(session, boardId, boards, ct);
        if (gatewayId is { } gateway && (await gateways.GetAsync(gateway, ct))?.OrganizationId != session.OrganizationId)
            throw DomainError.NotFound();
        var rows = await agents.ListVisibleAsync(
            AgentGuard.VisibleTo(session), new AgentListFilter(boardId, gatewayId), page.Limit, page.Offset, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(page.ToPage(rows.Items.Select(row => AgentRead.From(row, now, options.OfflineAfter)).ToList(), rows.Total));
    }

    /// <summary>SSE <c>agent</c> frames <c>{"agent": AgentRead}</c> for every visible agent that changes from <c>since</c> on.</summary>
    public static async Task Stream(
        HttpContext context, UserSession session, [FromQuery(Name = "board_id")] Guid? boardId,
        BoardGuard boards, AgentQueries agents, EventStream stream, TimeProvider clock, AgentOptions options)
    {
        await VisibilityAsync(session, boardId, boards, context.RequestAborted);
        var visibility = AgentGuard.VisibleTo(session);
        await stream.RunAsync(context, async (since, ct) =>
        {
            var rows = await agents.ChangedSinceAsync(visibility, boardId, since, StreamBatch, ct);
            var now = clock.GetUtcNow();
            return rows.Select(row => new StreamEvent(
                StreamEventName, new { agent = AgentRead.From(row, now, options.OfflineAfter) }, ChangeId(row), row.UpdatedAt)).ToList();
        });
    }

    public static async Task<Ok<AgentRead>> Get(
        Guid agentId, UserSession session, AgentGuard guard, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var agent = await guard.ForAdminAsync(session, agentId, write: false, ct);
        return TypedResults.Ok(AgentRead.From(agent, clock.GetUtcNow(), options.OfflineAfter));
    }

    // Admins only; a board filter must be a board they may read (404 outside the organization).
    private static async Task VisibilityAsync(UserSession session, Guid? boardId, BoardGuard boards, CancellationToken ct)
    {
        session.RequireAdmin();
        if (boardId is { } board)
            await boards.ForUserAsync(session, board, write: false, ct);
    }

    // A stream frame per change of an agent, not per agent: the same agent changes many times.
    private static Guid ChangeId(AgentRow row) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{row.Id:N}:{row.UpdatedAt.UtcTicks}"))[..16]);
}
