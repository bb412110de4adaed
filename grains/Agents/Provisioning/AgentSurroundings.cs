using MissionControl.OpenClaw;
using MissionControl.Templates.Context;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>How to reach a gateway and where its workspaces live.</summary>
public sealed record GatewayTarget(GatewayClientOptions Connection, string WorkspaceRoot);

/// <summary>What provisioning needs from outside the agent's own stream.</summary>
/// <param name="Gateway">The agent's gateway.</param>
/// <param name="Board">The agent's board; null for the gateway-main agent.</param>
/// <param name="User">The person the agent serves (the organization owner for the gateway-main agent).</param>
public sealed record AgentSurroundings(GatewayTarget Gateway, BoardProfile? Board, UserProfile User);

/// <summary>Looks up an agent's gateway, board and user at the moment it is provisioned or cleaned up.</summary>
public interface IAgentSurroundings
{
    /// <summary>The gateway, or null when it no longer exists (nothing left to clean there).</summary>
    Task<GatewayTarget?> FindGatewayAsync(Guid gatewayId, CancellationToken ct);

    /// <exception cref="Common.DomainException">The gateway or board is gone.</exception>
    Task<AgentSurroundings> DescribeAsync(AgentState agent, CancellationToken ct);
}

/// <summary>What follows an agent's deletion outside its own stream.</summary>
public interface IAgentDeparture
{
    /// <summary>In-progress tasks go back to the inbox unassigned; other tasks are just unassigned.</summary>
    Task ReleaseTasksAsync(Guid agentId, CancellationToken ct);
}
