using MissionControl.Grains.Agents;
using MissionControl.Grains.Boards;
using MissionControl.Grains.Gateways;

namespace MissionControl.Grains.Access;

/// <summary>
/// An agent as the access rules see it: where it sits, whether it leads, and the organization
/// that owns it (its board's, or its gateway's for a gateway-main agent; null when that is gone).
/// Built from grain state or from a read-model row alike.
/// </summary>
public sealed record AgentTarget(Guid Id, Guid? BoardId, bool IsBoardLead, Guid? OrganizationId)
{
    /// <summary>A gateway-main agent is one without a board.</summary>
    public bool IsGatewayMain => BoardId is null;

    public static AgentTarget Of(AgentState agent, BoardState? board, GatewayState? gateway) => new(
        agent.Id,
        agent.BoardId,
        agent.IsBoardLead,
        agent.IsGatewayMain ? gateway?.OrganizationId : board?.OrganizationId);
}
