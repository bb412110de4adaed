using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.Config;
using MissionControl.Templates.Context;
using Orleans;
using TemplateRules = MissionControl.Templates.Context.BoardRules;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>An agent's gateway and board as their grains have them now.</summary>
public sealed class GrainAgentSurroundings(IGrainFactory grains) : IAgentSurroundings
{
    public async Task<GatewayTarget?> FindGatewayAsync(Guid gatewayId, CancellationToken ct)
    {
        try
        {
            var details = await grains.GetGrain<IGatewayGrain>(gatewayId.ToString()).GetConnection().WaitAsync(ct);
            return new GatewayTarget(GrainGatewayConnections.ToOptions(details), details.WorkspaceRoot);
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            return null;
        }
    }

    public async Task<AgentSurroundings> DescribeAsync(AgentState agent, CancellationToken ct)
    {
        var gateway = await FindGatewayAsync(agent.GatewayId, ct) ?? throw DomainError.NotFound("Gateway not found");
        var board = agent.BoardId is { } boardId
            ? ToProfile(await grains.GetGrain<IBoardGrain>(boardId.ToString()).Get().WaitAsync(ct))
            : null;
        var user = agent.IsGatewayMain ? await OwnerOfAsync(agent.GatewayId, ct) : UserProfile.None;
        return new AgentSurroundings(gateway, board, user);
    }

    // The gateway-main agent serves the organization's owner. Only the owner's email is known
    // (people's profiles are not modelled yet), so that is what the templates get as the name.
    private async Task<UserProfile> OwnerOfAsync(Guid gatewayId, CancellationToken ct)
    {
        try
        {
            var gateway = await grains.GetGrain<IGatewayGrain>(gatewayId.ToString()).Get().WaitAsync(ct);
            var organization = await grains.GetGrain<IOrganizationGrain>(gateway.OrganizationId.ToString()).Get().WaitAsync(ct);
            var owner = organization.Members.FirstOrDefault(m => m.Role == "owner");
            return owner?.Email is { Length: > 0 } email ? new UserProfile { Name = email } : UserProfile.None;
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            return UserProfile.None;
        }
    }

    private static BoardProfile ToProfile(BoardView board) => new(
        board.Id.ToString(),
        board.Name,
        board.BoardType,
        board.Objective ?? "",
        "{}",
        "",
        GoalConfirmed: false,
        new TemplateRules
        {
            RequireApprovalForDone = board.Rules.RequireApprovalForDone,
            RequireReviewBeforeDone = board.Rules.RequireReviewBeforeDone,
            CommentRequiredForReview = board.Rules.CommentRequiredForReview,
            BlockStatusChangesWithPendingApproval = board.Rules.BlockStatusChangesWithPendingApproval,
            OnlyLeadCanChangeStatus = board.Rules.OnlyLeadCanChangeStatus,
            MaxAgents = board.Rules.MaxAgents,
        });
}
