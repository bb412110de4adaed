using MissionControl.ApiGateway.Authentication;
using MissionControl.Grains.Access;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Access;

/// <summary>
/// Finds an agent for a caller, or says why not, with the rules of <see cref="AgentAccess"/>
/// applied to the agent's read-model row: agents of another organization are answered like
/// missing ones (404); inside it, gateway-main agents are for admins and board agents follow
/// their board's grants (403).
/// </summary>
public sealed class AgentGuard(AgentQueries agents)
{
    /// <summary>The agent, for an admin with read (or write) access to it.</summary>
    public async Task<AgentRow> ForAdminAsync(UserSession session, Guid agentId, bool write, CancellationToken ct = default)
    {
        var member = session.RequireAdmin();
        var agent = await agents.GetAsync(agentId, ct) ?? throw DomainError.NotFound();
        AgentAccess.EnsureMemberAccess(member, Target(agent), write);
        return agent;
    }

    /// <summary>The agent on <paramref name="boardId"/> with this id, else 404.</summary>
    public async Task<AgentRow> OnBoardAsync(Guid boardId, Guid agentId, CancellationToken ct = default)
    {
        var agent = await agents.GetAsync(agentId, ct);
        return agent is not null && agent.BoardId == boardId ? agent : throw DomainError.NotFound();
    }

    /// <summary>The caller as the access rules name it; an agent's gateway comes from its row.</summary>
    public async Task<Actor> ActorOfAsync(Caller caller, CancellationToken ct = default) => caller switch
    {
        Caller.User user => new UserActor(user.Session.UserId, user.Session.Member),
        Caller.Agent agent => await ActorOfAsync(agent.Self, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    public async Task<AgentActor> ActorOfAsync(AgentCaller agent, CancellationToken ct = default)
    {
        var row = await SelfAsync(agent, ct);
        return new AgentActor(agent.AgentId, agent.BoardId, row.GatewayId, agent.IsBoardLead);
    }

    /// <summary>The calling agent's own row (404 when it was deleted since its token was checked).</summary>
    public async Task<AgentRow> SelfAsync(AgentCaller agent, CancellationToken ct = default) =>
        await agents.GetAsync(agent.AgentId, ct) ?? throw DomainError.NotFound();

    /// <summary>What the access rules need to know about an agent row.</summary>
    public static AgentTarget Target(AgentRow agent) =>
        new(agent.Id, agent.BoardId, agent.IsBoardLead, agent.OrganizationId);

    /// <summary>
    /// The agents a member sees: every agent of the organization with an all-boards grant,
    /// otherwise its gateway-main agents and the agents of the boards they may read.
    /// </summary>
    public static AgentVisibility VisibleTo(UserSession session)
    {
        var member = session.RequireMember();
        if (member.AllBoardsRead || member.AllBoardsWrite)
            return new AgentVisibility(member.OrganizationId, null);
        var readable = member.BoardAccess.Where(grant => grant.Value.CanRead || grant.Value.CanWrite).Select(grant => grant.Key).ToList();
        return new AgentVisibility(member.OrganizationId, readable);
    }
}
