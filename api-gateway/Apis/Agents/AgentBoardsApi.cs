using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Boards;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.ApiGateway.OpenApi;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Access;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>
/// What agents ask about boards and each other with their own token (<c>/api/v1/agent/*</c>).
/// A board agent works on its own board only (403 elsewhere); a gateway-main agent on the boards
/// of its gateway's organization. Leads manage their board's workers: create, nudge, SOUL.md, delete.
/// </summary>
public static class AgentBoardsApi
{
    public const string NoGatewayScope = "Agent gateway not found; cannot determine organization scope.";

    private static readonly AgentRole[] BoardRoles = [AgentRole.Lead, AgentRole.Worker];

    public static IEndpointRouteBuilder MapAgentBoardsApi(this IEndpointRouteBuilder app)
    {
        var agent = app.MapGroup("/api/v1/agent").RequireAgent();
        agent.MapGet("/boards", ListBoards).WithName("AgentListBoards").WithAgentRoles(AgentRoles.Every);
        agent.MapGet("/boards/{boardId:guid}", GetBoard).WithName("AgentGetBoard").WithAgentRoles(AgentRoles.Every);
        agent.MapGet("/agents", ListAgents).WithName("AgentListAgents").WithAgentRoles(AgentRoles.Every);
        agent.MapPost("/agents", CreateAgent).WithName("AgentCreateAgent").WithAgentRoles(AgentRole.Lead);
        agent.MapPost("/boards/{boardId:guid}/agents/{agentId:guid}/nudge", Nudge).WithName("AgentNudgeAgent")
            .WithAgentRoles(AgentRole.Lead).AnswersBadGatewayOn(GatewayFailures.Nudge);
        agent.MapGet("/boards/{boardId:guid}/agents/{agentId:guid}/soul", ReadSoul).WithName("AgentGetSoul")
            .WithAgentRoles(BoardRoles).AnswersBadGatewayOn(GatewayFailures.SoulRead);
        agent.MapPut("/boards/{boardId:guid}/agents/{agentId:guid}/soul", UpdateSoul).WithName("AgentUpdateSoul")
            .WithAgentRoles(AgentRole.Lead).AnswersBadGatewayOn(GatewayFailures.SoulUpdate);
        agent.MapDelete("/boards/{boardId:guid}/agents/{agentId:guid}", DeleteAgent).WithName("AgentDeleteAgent")
            .WithAgentRoles(AgentRole.Lead).AnswersBadGateway();
        return app;
    }

    /// <summary>A board agent's own board; a gateway-main agent's organization's boards.</summary>
    public static async Task<Ok<Page<BoardRead>>> ListBoards(
        AgentCaller caller, PageRequest page, AgentGuard guard, GatewayQueries gateways, BoardQueries boards, CancellationToken ct)
    {
        if (caller.BoardId is { } own)
        {
            var board = await boards.GetAsync(own, ct);
            var mine = board is null ? [] : new[] { BoardRead.From(board) };
            return TypedResults.Ok(page.ToPage(mine.Skip(page.Offset).Take(page.Limit).ToList(), mine.Length));
        }

        var organizationId = await OrganizationScopeAsync(caller, guard, gateways, ct);
        var rows = await boards.ListAsync(organizationId, null, page.Limit, page.Offset, ct);
        return TypedResults.Ok(page.ToPage(rows.Items.Select(BoardRead.From).ToList(), rows.Total));
    }

    public static async Task<Ok<BoardRead>> GetBoard(
        Guid boardId, AgentCaller caller, AgentGuard guard, GatewayQueries gateways, BoardGuard boards, CancellationToken ct)
    {
        if (caller.IsGatewayMain)
            await OrganizationScopeAsync(caller, guard, gateways, ct);
        return TypedResults.Ok(BoardRead.From(await boards.ForAgentAsync(caller, boardId, ct)));
    }

    /// <summary>A board agent sees its board's agents; a gateway-main agent its organization's, or one board's.</summary>
    public static async Task<Ok<Page<AgentRead>>> ListAgents(
        AgentCaller caller, PageRequest page, [FromQuery(Name = "board_id")] Guid? boardId,
        AgentGuard guard, GatewayQueries gateways, BoardGuard boards, AgentQueries agents, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var organizationId = await OrganizationScopeAsync(caller, guard, gateways, ct);
        if (boardId is { } board)
            await boards.ForAgentAsync(caller, board, ct);
        var filter = new AgentListFilter(caller.BoardId ?? boardId);
        var rows = await agents.ListVisibleAsync(new AgentVisibility(organizationId, null), filter, page.Limit, page.Offset, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(page.ToPage(rows.Items.Select(row => AgentRead.From(row, now, options.OfflineAfter)).ToList(), rows.Total));
    }

    /// <summary>A lead adds a worker to its own board.</summary>
    public static async Task<Ok<AgentRead>> CreateAgent(
        AgentCaller caller, AgentCreate body, AgentGuard guard, AgentCreation creation, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var agent = await creation.CreateAsync(await guard.ActorOfAsync(caller, ct), null, body, ct);
        return TypedResults.Ok(AgentRead.From(agent, clock.GetUtcNow(), options.OfflineAfter));
    }

    /// <summary>A lead sends a message into one of its board's agents' sessions, delivered to its channel.</summary>
    public static async Task<Ok<OkResponse>> Nudge(
        Guid boardId, Guid agentId, AgentNudge body, AgentCaller caller,
        BoardGuard boards, AgentGuard guard, AgentGatewayCalls gateway, CancellationToken ct)
    {
        await RequireLeadOnAsync(caller, boardId, boards, ct);
        var target = await guard.OnBoardAsync(boardId, agentId, ct);
        var message = AgentInput.RequiredText(body.Message, "message is required");
        await gateway.NudgeAsync(target, message, ct);
        return TypedResults.Ok(OkResponse.Instance);
    }

    /// <summary>SOUL.md of an agent on the board as its workspace has it: for the lead, or the agent itself.</summary>
    public static async Task<Ok<string>> ReadSoul(
        Guid boardId, Guid agentId, AgentCaller caller, BoardGuard boards, AgentGuard guard, AgentGatewayCalls gateway, CancellationToken ct)
    {
        await boards.ForAgentAsync(caller, boardId, ct);
        if (!caller.IsBoardLead && caller.AgentId != agentId)
            throw DomainError.Forbidden();
        var target = await guard.OnBoardAsync(boardId, agentId, ct);
        return TypedResults.Ok(await gateway.ReadSoulAsync(target, ct));
    }

    /// <summary>
    /// The lead gives an agent a new SOUL.md: kept as the agent's soul template (the update
    /// re-provisions it) and written to its workspace right away.
    /// </summary>
    public static async Task<Ok<OkResponse>> UpdateSoul(
        Guid boardId, Guid agentId, SoulUpdate body, AgentCaller caller,
        BoardGuard boards, AgentGuard guard, IGrainFactory grains, AgentGatewayCalls gateway, CancellationToken ct)
    {
        await RequireLeadOnAsync(caller, boardId, boards, ct);
        var target = await guard.OnBoardAsync(boardId, agentId, ct);
        var content = AgentInput.RequiredText(body.Content, "content is required");
        await grains.GetGrain<IAgentGrain>(agentId.ToString()).Update(new AgentChanges { SoulTemplate = content });
        await gateway.WriteSoulAsync(target, content, ct);
        return TypedResults.Ok(OkResponse.Instance);
    }

    /// <summary>A lead removes a worker from its board (never a lead or a gateway-main agent).</summary>
    public static async Task<Ok<OkResponse>> DeleteAgent(
        Guid boardId, Guid agentId, AgentCaller caller,
        BoardGuard boards, AgentGuard guard, AgentQueries agents, IGrainFactory grains, CancellationToken ct)
    {
        await boards.ForAgentAsync(caller, boardId, ct);
        var target = await agents.GetAsync(agentId, ct) ?? throw DomainError.NotFound();
        AgentAccess.EnsureLeadMayDelete(await guard.ActorOfAsync(caller, ct), AgentGuard.Target(target));
        return await AgentsApi.DeleteAsync(grains, agentId);
    }

    // The organization an agent works in is its gateway's; without the gateway there is no scope.
    private static async Task<Guid> OrganizationScopeAsync(AgentCaller caller, AgentGuard guard, GatewayQueries gateways, CancellationToken ct)
    {
        var self = await guard.SelfAsync(caller, ct);
        return (await gateways.GetAsync(self.GatewayId, ct))?.OrganizationId ?? throw DomainError.Forbidden(NoGatewayScope);
    }

    private static async Task RequireLeadOnAsync(AgentCaller caller, Guid boardId, BoardGuard boards, CancellationToken ct)
    {
        await boards.ForAgentAsync(caller, boardId, ct);
        if (!caller.IsBoardLead)
            throw DomainError.Forbidden();
    }
}
