using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Contracts;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Access;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>
/// Puts a new worker on a board for an admin or for the board's lead: checks who may, where,
/// the board's gateway, the name and the worker cap (rules in <see cref="AgentAccess"/>), then
/// registers the agent, whose grain provisions it.
/// </summary>
public sealed class AgentCreation(
    IGrainFactory grains, BoardGuard boardGuard, BoardQueries boards, GatewayQueries gateways, AgentQueries agents)
{
    /// <param name="session">The user's session when a user creates; null for a lead agent.</param>
    public async Task<AgentSnapshot> CreateAsync(Actor actor, UserSession? session, AgentCreate body, CancellationToken ct)
    {
        var input = new AgentInput();
        var name = input.Name(body.Name, required: true)!;
        input.Status(body.Status);
        var heartbeat = input.HeartbeatConfig(body.HeartbeatConfig);
        var identity = input.IdentityProfile(body.IdentityProfile);
        var identityTemplate = input.Text("identity_template", body.IdentityTemplate);
        var soulTemplate = input.Text("soul_template", body.SoulTemplate);
        input.ThrowIfInvalid();

        var board = await BoardToCreateOnAsync(actor, session, body.BoardId, ct);
        var gatewayId = await GatewayOfAsync(board, ct);
        await EnsureRoomAsync(board, gatewayId, name, ct);

        var agentId = Guid.NewGuid();
        var grain = grains.GetGrain<IAgentGrain>(agentId.ToString());
        await grain.Register(new NewAgent(agentId, name, board.Id, gatewayId)
        {
            HeartbeatConfig = heartbeat,
            IdentityProfile = identity,
            IdentityTemplate = identityTemplate,
            SoulTemplate = soulTemplate,
        });
        return await grain.Get() ?? throw DomainError.NotFound();
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

    // Names are unique per board and per gateway workspace; the lead does not count as a worker.
    private async Task EnsureRoomAsync(BoardRow board, Guid gatewayId, string name, CancellationToken ct)
    {
        var onGateway = await agents.OfGatewayAsync(gatewayId, ct);
        var onBoard = onGateway.Where(agent => agent.BoardId == board.Id).ToList();
        AgentAccess.EnsureUniqueName(
            name,
            onBoard.Select(agent => agent.Name),
            onGateway.Where(agent => agent.BoardId is not null).Select(agent => agent.Name));
        AgentAccess.EnsureWorkerCapacity(board.MaxAgents, onBoard.Count(agent => !agent.IsBoardLead));
    }
}
