using System.Security.Claims;
using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// Operator routes about one agent that need an owner or admin of the agent's organization (issuing
/// its inbox key, reading its inbox). An unknown agent is a 404; anyone else is a 403.
/// </summary>
public sealed class AgentAdminAccess(AgentQueries agents, OrganizationQueries organizations)
{
    public async Task RequireAdminAsync(ClaimsPrincipal principal, Guid agentId, CancellationToken ct)
    {
        var agent = await agents.GetAsync(agentId, ct) ?? throw DomainError.NotFound();
        if (agent.OrganizationId is not { } organizationId || UserIdOf(principal) is not { } userId)
            throw DomainError.Forbidden();
        var member = await organizations.MemberAccessAsync(organizationId, userId, ct);
        if (member is null || !Roles.IsAdmin(member.Member.Role))
            throw DomainError.Forbidden();
    }

    // Members are keyed by user id; a caller whose subject is not one is no member of anything.
    private static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(UserCaller.From(principal)?.Subject, out var id) ? id : null;
}
