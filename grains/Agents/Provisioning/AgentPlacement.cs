using System.Security.Cryptography;
using System.Text;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;
using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>
/// Makes sure every gateway has its main agent and every board its lead. The agent ids are
/// derived from the gateway or board id, so two silos ensuring at once create one agent: the
/// second registration meets "Agent already exists" and simply links the same agent.
/// </summary>
public sealed class AgentPlacement(IGrainFactory grains)
{
    /// <summary>The id the main agent of <paramref name="gatewayId"/> gets.</summary>
    public static Guid MainAgentIdFor(Guid gatewayId) => Derive("gateway-main", gatewayId);

    /// <summary>The id the lead of <paramref name="boardId"/> gets.</summary>
    public static Guid LeadAgentIdFor(Guid boardId) => Derive("board-lead", boardId);

    /// <summary>The gateway's main agent, created and provisioned when missing.</summary>
    public async Task<Guid> EnsureGatewayMainAsync(Guid gatewayId, string? name = null)
    {
        var gateway = grains.GetGrain<IGatewayGrain>(gatewayId.ToString());
        var view = await gateway.Get();
        if (view.MainAgentId is { } existing)
            return existing;
        var agentId = MainAgentIdFor(gatewayId);
        await RegisterOnceAsync(new NewAgent(agentId, Text.TrimToNull(name) ?? $"{view.Name} Gateway Agent", null, gatewayId) { IsGatewayMain = true });
        await gateway.AssignMainAgent(agentId);
        return agentId;
    }

    /// <summary>The board's lead, created and provisioned when missing (named "Lead Agent" unless given).</summary>
    public async Task<Guid> EnsureBoardLeadAsync(Guid boardId, string? name = null)
    {
        var board = grains.GetGrain<IBoardGrain>(boardId.ToString());
        var view = await board.Get();
        if (view.LeadAgentId is { } existing)
            return existing;
        var agentId = LeadAgentIdFor(boardId);
        await RegisterOnceAsync(new NewAgent(agentId, Text.TrimToNull(name) ?? AgentDefaults.LeadAgentName, boardId, view.GatewayId) { IsBoardLead = true });
        await board.AssignLead(agentId);
        return agentId;
    }

    private async Task RegisterOnceAsync(NewAgent agent)
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

    // A name-based id (SHA-256 of role and owner id, shaped as a version-5 style Guid).
    private static Guid Derive(string role, Guid ownerId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"mission-control:{role}:{ownerId:D}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
