using MissionControl.Grains.Agents;
using MissionControl.Grains.Boards;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways;
using MissionControl.Grains.Organizations;

namespace MissionControl.Grains.Access;

/// <summary>Who may create, see, change, heartbeat and delete which agent (reference, agents routes).</summary>
public static class AgentAccess
{
    /// <summary>
    /// Checks that the actor may create an agent and returns the board it goes on: users must
    /// be admins (board write is checked separately), leads may only create on their own board.
    /// </summary>
    public static Guid? ResolveCreateBoard(Actor actor, Guid? requestedBoardId)
    {
        switch (actor)
        {
            case UserActor user:
                BoardAccess.EnsureAdmin(user.Member);
                return requestedBoardId;
            case AgentActor { IsLead: true } lead:
                if (requestedBoardId is not null && requestedBoardId != lead.BoardId)
                {
                    throw DomainError.Forbidden("Board leads can only create agents in their own board");
                }

                return lead.BoardId;
            default:
                throw DomainError.Forbidden("Only board leads can create agents");
        }
    }

    /// <summary>Refuses a new worker when the board already has <paramref name="maxAgents"/> workers (the lead excluded).</summary>
    public static void EnsureWorkerCapacity(int maxAgents, int currentWorkers)
    {
        if (currentWorkers >= maxAgents)
        {
            throw DomainError.Conflict(
                $"Board worker-agent limit reached: max_agents={maxAgents} (excluding the lead); "
                + $"cannot create more than {maxAgents} agent(s).");
        }
    }

    /// <summary>Agent names are unique (ignoring case) per board and per gateway workspace.</summary>
    public static void EnsureUniqueName(string requestedName, IEnumerable<string> boardAgentNames, IEnumerable<string> gatewayAgentNames)
    {
        var name = requestedName.Trim();
        if (name.Length == 0)
        {
            return;
        }

        if (boardAgentNames.Any(existing => string.Equals(existing.Trim(), name, StringComparison.OrdinalIgnoreCase)))
        {
            throw DomainError.Conflict("An agent with this name already exists on this board.");
        }

        if (gatewayAgentNames.Any(existing => string.Equals(existing.Trim(), name, StringComparison.OrdinalIgnoreCase)))
        {
            throw DomainError.Conflict("An agent with this name already exists in this gateway workspace.");
        }
    }

    /// <summary>
    /// A member's access to an agent: gateway-main agents are admin-only and hidden (404) outside
    /// their organization; board agents follow the board's access.
    /// </summary>
    public static void EnsureMemberAccess(OrganizationMember? member, AgentState agent, BoardState? board, GatewayState? gateway, bool write) =>
        EnsureMemberAccess(member, AgentTarget.Of(agent, board, gateway), write);

    /// <inheritdoc cref="EnsureMemberAccess(OrganizationMember?, AgentState, BoardState?, GatewayState?, bool)"/>
    public static void EnsureMemberAccess(OrganizationMember? member, AgentTarget agent, bool write)
    {
        if (member is null)
        {
            throw DomainError.Forbidden();
        }

        if (agent.IsGatewayMain)
        {
            BoardAccess.EnsureAdmin(member);
        }

        if (agent.OrganizationId != member.OrganizationId)
        {
            throw DomainError.NotFound();
        }

        if (agent.IsGatewayMain)
        {
            return;
        }

        var boardId = agent.BoardId!.Value;
        var allowed = write
            ? BoardAccess.CanWrite(member, member.OrganizationId, boardId)
            : BoardAccess.CanRead(member, member.OrganizationId, boardId);
        if (!allowed)
        {
            throw DomainError.Forbidden();
        }
    }

    /// <summary>An agent may heartbeat only itself; a user must be an admin with write access.</summary>
    public static void EnsureMayHeartbeat(Actor actor, AgentState target, BoardState? board, GatewayState? gateway) =>
        EnsureMayHeartbeat(actor, AgentTarget.Of(target, board, gateway));

    /// <inheritdoc cref="EnsureMayHeartbeat(Actor, AgentState, BoardState?, GatewayState?)"/>
    public static void EnsureMayHeartbeat(Actor actor, AgentTarget target)
    {
        switch (actor)
        {
            case AgentActor agent when agent.AgentId != target.Id:
                throw DomainError.Forbidden();
            case AgentActor:
                return;
            case UserActor user:
                BoardAccess.EnsureAdmin(user.Member);
                EnsureMemberAccess(user.Member, target, write: true);
                return;
            default:
                throw DomainError.Forbidden();
        }
    }

    /// <summary>A lead may delete workers on its own board, never gateway-main agents or leads.</summary>
    public static void EnsureLeadMayDelete(AgentActor actor, AgentState target) =>
        EnsureLeadMayDelete(actor, AgentTarget.Of(target, null, null));

    /// <inheritdoc cref="EnsureLeadMayDelete(AgentActor, AgentState)"/>
    public static void EnsureLeadMayDelete(AgentActor actor, AgentTarget target)
    {
        if (!actor.IsLead)
        {
            throw DomainError.Forbidden("Only board leads can delete agents");
        }

        if (target.IsGatewayMain)
        {
            throw DomainError.Forbidden("Board leads cannot delete gateway main agents");
        }

        if (target.BoardId != actor.BoardId)
        {
            throw DomainError.NotFound();
        }

        if (target.IsBoardLead)
        {
            throw DomainError.Forbidden("Board leads cannot delete lead agents");
        }
    }
}
