using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Gateways;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.History;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.History;

/// <summary>
/// The history of an agent, board or gateway (<c>…/{id}/events</c>): its event stream in order,
/// a page at a time, for the owners and admins of its organization; an agent may also read its
/// own. Entities of another organization, and other agents' histories, are answered as unknown.
/// </summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/agents/{agentId:guid}/events", AgentEvents).RequireUserOrAgent().WithTags("agents").WithName("ListAgentEvents");
        app.MapGet("/api/v1/boards/{boardId:guid}/events", BoardEvents).RequireUser().WithTags("boards").WithName("ListBoardEvents");
        app.MapGet("/api/v1/gateways/{gatewayId:guid}/events", GatewayEvents).RequireUser().WithTags("gateways").WithName("ListGatewayEvents");
        return app;
    }

    public static async Task<Ok<Page<HistoryEventRead>>> AgentEvents(
        Guid agentId, PageRequest page, Caller caller, AgentGuard guard, StreamHistory history, CancellationToken ct)
    {
        if (caller is Caller.User user)
            await guard.ForAdminAsync(user.Session, agentId, write: false, ct);
        else if (caller is Caller.Agent self && self.Self.AgentId != agentId)
            throw DomainError.NotFound();
        return Paged(page, await history.OfAgentAsync(agentId, page.Limit, page.Offset, ct));
    }

    public static async Task<Ok<Page<HistoryEventRead>>> BoardEvents(
        Guid boardId, PageRequest page, UserSession session, BoardGuard boards, StreamHistory history, CancellationToken ct)
    {
        session.RequireAdmin();
        await boards.ForUserAsync(session, boardId, write: false, ct);
        return Paged(page, await history.OfBoardAsync(boardId, page.Limit, page.Offset, ct));
    }

    public static async Task<Ok<Page<HistoryEventRead>>> GatewayEvents(
        Guid gatewayId, PageRequest page, UserSession session, GatewayQueries gateways, StreamHistory history, CancellationToken ct)
    {
        var admin = session.RequireAdmin();
        if ((await gateways.GetAsync(gatewayId, ct))?.OrganizationId != admin.OrganizationId)
            throw DomainError.NotFound(GatewaysApi.GatewayNotFound);
        return Paged(page, await history.OfGatewayAsync(gatewayId, page.Limit, page.Offset, ct));
    }

    private static Ok<Page<HistoryEventRead>> Paged(PageRequest page, (IReadOnlyList<HistoryEntry> Items, long Total) entries) =>
        TypedResults.Ok(page.ToPage<HistoryEventRead>([.. entries.Items.Select(HistoryEventRead.From)], entries.Total));
}
