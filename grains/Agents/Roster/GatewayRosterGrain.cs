using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Access;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.TemplateSync;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Agents.Roster;

/// <summary>
/// Decides the changes that must not clash with another agent of one gateway, one at a time (the
/// grain's turn). Who is on the gateway is read from the read model, written with every append,
/// so a change committed in an earlier turn is seen by the next. Each change also writes the
/// roster's turn count, version-checked, before it is made: should a membership change ever leave
/// two activations of one roster, the second write fails (a conflict the caller sees) instead of
/// letting both admit a clashing agent.
/// </summary>
[GrainType("gateway-roster")]
public sealed class GatewayRosterGrain(
    [PersistentState("gateway-roster")] IPersistentState<RosterTurns> turns,
    IGatewayRoster roster,
    IGrainFactory grains) : Grain, IGatewayRosterGrain
{
    public const string GatewayHasMain = "This gateway already has a gateway main agent.";

    private Guid GatewayId => Guid.Parse(this.GetPrimaryKeyString());

    public async Task<AgentSnapshot> AddWorker(NewAgent agent)
    {
        if (agent.GatewayId != GatewayId || agent.BoardId is not { } boardId)
            throw new ArgumentException("A worker is added on one of this gateway's boards.", nameof(agent));
        var agents = await roster.AgentsAsync(GatewayId, CancellationToken.None);
        EnsureNameFree(agent.Name, boardId, agents);
        await EnsureRoomAsync(boardId, agents);

        await TakeTurnAsync();
        var grain = grains.GetGrain<IAgentGrain>(agent.AgentId.ToString());
        await grain.Register(agent);
        return await grain.Get() ?? throw DomainError.NotFound();
    }

    public async Task<AgentSnapshot> ChangeAgent(Guid agentId, AgentChanges changes)
    {
        var grain = grains.GetGrain<IAgentGrain>(agentId.ToString());
        var agent = await grain.Get() ?? throw DomainError.NotFound();
        var (boardId, gatewayId) = changes.Board is { } move ? (move.BoardId, move.GatewayId ?? agent.GatewayId) : (agent.BoardId, agent.GatewayId);
        if (gatewayId != GatewayId)
            throw DomainError.Conflict("The agent was moved meanwhile; try again.");
        var others = (await roster.AgentsAsync(GatewayId, CancellationToken.None)).Where(a => a.AgentId != agentId).ToList();
        var becomesMain = changes.IsGatewayMain == true && !agent.IsGatewayMain;
        if (becomesMain && others.Any(a => a.IsGatewayMain))
            throw DomainError.Conflict(GatewayHasMain);
        var moves = boardId != agent.BoardId || gatewayId != agent.GatewayId;
        var name = changes.Name ?? agent.Name;
        if (moves || !string.Equals(name, agent.Name, StringComparison.OrdinalIgnoreCase))
            EnsureNameFree(name, boardId, others);
        if (moves && boardId is { } target && !agent.IsBoardLead && changes.IsGatewayMain != true)
            await EnsureRoomAsync(target, others);

        await TakeTurnAsync();
        await grain.Update(changes);
        var updated = await grain.Get() ?? throw DomainError.NotFound();
        // The gateway names its main agent; one made main here takes the place of one that is gone.
        if (becomesMain && updated.IsGatewayMain)
            await grains.GetGrain<IGatewayGrain>(GatewayId.ToString()).AssignMainAgent(updated.Id);
        return updated;
    }

    public async Task<Guid> EnsureMainAgent(string? name)
    {
        var gateway = grains.GetGrain<IGatewayGrain>(GatewayId.ToString());
        var view = await gateway.Get();
        if (view.MainAgentId is { } existing && await IsMainAsync(existing))
            return existing;
        // A replacement's id follows from the agent it replaces, so an activation that meets an
        // earlier attempt's registration links the same agent instead of making a second.
        var agentId = view.MainAgentId is { } replaced
            ? NameBasedIds.Derive($"gateway-main-after:{replaced:D}", GatewayId)
            : AgentPlacement.MainAgentIdFor(GatewayId);
        await TakeTurnAsync();
        await AgentPlacement.RegisterOnceAsync(grains,
            new NewAgent(agentId, Text.TrimToNull(name) ?? $"{view.Name} Gateway Agent", null, GatewayId) { IsGatewayMain = true });
        await gateway.AssignMainAgent(agentId);
        return agentId;
    }

    // A worker's name is unique on its board and among the board agents of the whole workspace.
    private static void EnsureNameFree(string name, Guid? boardId, IReadOnlyList<RosterAgent> agents) =>
        AgentAccess.EnsureUniqueName(
            name,
            agents.Where(a => boardId is not null && a.BoardId == boardId).Select(a => a.Name),
            agents.Where(a => a.BoardId is not null).Select(a => a.Name));

    // A board holds at most max_agents workers; its lead does not count.
    private async Task EnsureRoomAsync(Guid boardId, IReadOnlyList<RosterAgent> others)
    {
        var board = await grains.GetGrain<IBoardGrain>(boardId.ToString()).Get();
        AgentAccess.EnsureWorkerCapacity(board.Rules.MaxAgents, others.Count(a => a.BoardId == boardId && !a.IsBoardLead));
    }

    private async Task<bool> IsMainAsync(Guid agentId) =>
        await grains.GetGrain<IAgentGrain>(agentId.ToString()).Get() is { IsGatewayMain: true } agent && agent.GatewayId == GatewayId;

    private async Task TakeTurnAsync()
    {
        turns.State.Count++;
        await turns.WriteStateAsync();
    }
}

/// <summary>How many changes the roster has made; written only to detect a second activation.</summary>
[GenerateSerializer]
[Alias("mc.gateway-roster-turns")]
public sealed class RosterTurns
{
    [Id(0)]
    public long Count { get; set; }
}
