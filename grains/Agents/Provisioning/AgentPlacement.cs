using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.Grains.Common;
using Orleans;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>
/// Makes sure every gateway has its main agent and every board its lead. The agent ids are
/// derived from the gateway or board id, so two silos ensuring at once create one agent: the
/// second registration meets "Agent already exists" and simply links the same agent.
/// </summary>
public sealed class AgentPlacement(IGrainFactory grains)
{
    /// <summary>The id the main agent of <paramref name="gatewayId"/> gets.</summary>
    public static Guid MainAgentIdFor(Guid gatewayId) => NameBasedIds.Derive("gateway-main", gatewayId);

    /// <summary>The id the lead of <paramref name="boardId"/> gets.</summary>
    public static Guid LeadAgentIdFor(Guid boardId) => NameBasedIds.Derive("board-lead", boardId);

    /// <summary>
    /// The gateway's main agent, created and provisioned when missing; its roster decides (see
    /// <see cref="IGatewayRosterGrain.EnsureMainAgent"/>).
    /// </summary>
    public Task<Guid> EnsureGatewayMainAsync(Guid gatewayId, string? name = null) =>
        grains.GetGrain<IGatewayRosterGrain>(gatewayId.ToString()).EnsureMainAgent(name);

    /// <summary>
    /// The board's lead, created and provisioned when missing (named "Lead Agent" unless given):
    /// when there is none yet, or the one the board names has since been deleted or moved.
    /// </summary>
    public async Task<Guid> EnsureBoardLeadAsync(Guid boardId, string? name = null)
    {
        var board = grains.GetGrain<IBoardGrain>(boardId.ToString());
        var view = await board.Get();
        if (view.LeadAgentId is { } existing && await IsLeadOfAsync(existing, boardId))
            return existing;
        var agentId = view.LeadAgentId is { } replaced ? NameBasedIds.Derive($"board-lead-after:{replaced:D}", boardId) : LeadAgentIdFor(boardId);
        await RegisterOnceAsync(grains, new NewAgent(agentId, Text.TrimToNull(name) ?? AgentDefaults.LeadAgentName, boardId, view.GatewayId) { IsBoardLead = true });
        await board.AssignLead(agentId);
        return agentId;
    }

    private async Task<bool> IsLeadOfAsync(Guid agentId, Guid boardId) =>
        await grains.GetGrain<IAgentGrain>(agentId.ToString()).Get() is { IsBoardLead: true } agent && agent.BoardId == boardId;

    /// <summary>Registers an agent whose id is derived; one registered already is the same agent.</summary>
    internal static async Task RegisterOnceAsync(IGrainFactory grains, NewAgent agent)
    {
        try
        {
            await grains.GetGrain<IAgentGrain>(agent.AgentId.ToString()).Register(agent);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.Conflict)
        {
            // Another caller created it first; it is the same agent by construction.
        }
    }
}
