using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Access;

/// <summary>
/// Finds an agent for an owner or admin of its organization (issuing its inbox key, reading its
/// inbox). An agent of another organization answers 404 like one that does not exist; a member
/// who is not an admin gets 403.
/// </summary>
public sealed class AgentAdminGuard(AgentQueries agents)
{
    public async Task<AgentRow> ForAdminAsync(UserSession session, Guid agentId, CancellationToken ct = default)
    {
        var member = session.RequireMember();
        var agent = await agents.GetAsync(agentId, ct);
        if (agent is null || agent.OrganizationId != member.OrganizationId)
            throw DomainError.NotFound();
        session.RequireAdmin();
        return agent;
    }
}
