using MissionControl.ApiGateway.Access;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Access;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>
/// Puts a new worker on a board for an admin or for the board's lead: checks who may, where and
/// the board's gateway, then asks the gateway's roster to add it (the name and the worker cap are
/// decided there), whose agent grain then provisions it.
/// </summary>
public sealed class AgentCreation(
    IGrainFactory grains, BoardGuard boardGuard, BoardQueries boards, GatewayQueries gateways)
{
    /// <param name="session">The user's session when a user creates; null for a lead agent.</param>
    public async Task<AgentSnapshot> CreateAsync(Actor actor, UserSession? session, AgentCreate body, CancellationToken ct)
    {
        var board = await BoardToCreateOnAsync(actor, session, body.BoardId, ct);
        var gatewayId = await GatewayOfAsync(board, ct);
        var agentId = Guid.NewGuid();
        await grains.GetGrain<IAgentGrain>(agentId.ToString()).MintTokenAhead();
        return await grains.GetGrain<IGatewayRosterGrain>(gatewayId.ToString()).AddWorker(new NewAgent(agentId, AgentInput.Name(body.Name)!, board.Id, gatewayId)
        {
            HeartbeatConfig = body.HeartbeatConfig,
            IdentityProfile = AgentInput.IdentityProfile(body.IdentityProfile),
            IdentityTemplate = body.IdentityTemplate,
            SoulTemplate = body.SoulTemplate,
        });
    }

    private async Task<BoardRow> BoardToCreateOnAsync(Actor actor, UserSession? session, Guid? requested, CancellationToken ct)
    {
        var boardId = AgentAccess.ResolveCreateBoard(actor, requested)
            ?? throw DomainError.Validation("board_id is required");
        return session is not null
            ? await boardGuard.ForUserAsync(session, boardId, write: true, ct)
            : await boards.GetAsync(boardId, ct) ?? throw DomainError.NotFound(BoardGuard.BoardNotFound);
    }

    private async Task<Guid> GatewayOfAsync(BoardRow board, CancellationToken ct)
    {
        var gateway = await gateways.GetAsync(board.GatewayId, ct);
        if (gateway is null || gateway.OrganizationId != board.OrganizationId)
            throw DomainError.Validation("Board gateway_id is invalid");
        if (string.IsNullOrWhiteSpace(gateway.WorkspaceRoot))
            throw DomainError.Validation("Gateway workspace_root is required");
        return gateway.Id;
    }
}
