using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>
/// Who an agent can see and reach through the inbox. Targets are found by id or by exact name,
/// and only inside the sender's organization: another organization's agent reads as unknown.
/// </summary>
public sealed class InboxDirectory(IInboxReadModel readModel)
{
    /// <summary>The channel every relationship offers: agent-to-agent messages.</summary>
    public const string AgentChannel = "agent";

    public static string TargetNotFound(string target) =>
        $"Target '{target}' not found. Check the gateway directory payload returned by poll.";

    /// <summary>The agent itself, as long as it may still use its inbox.</summary>
    public async Task<InboxAgent> SenderAsync(Guid agentId, CancellationToken ct) =>
        await readModel.ReachableAgentAsync(agentId, ct) ?? throw DomainError.NotFound();

    /// <summary>
    /// The agent <paramref name="target"/> names for <paramref name="sender"/>: an agent id, or an
    /// exact name that only one agent of the organization has. Null with candidates when the name is shared.
    /// </summary>
    public async Task<(InboxAgent? Agent, IReadOnlyList<Guid> Candidates)> ResolveAsync(
        InboxAgent sender, string target, CancellationToken ct)
    {
        if (sender.OrganizationId is not { } organization)
            throw DomainError.NotFound(TargetNotFound(target));
        if (Guid.TryParse(target, out var id))
        {
            var byId = await readModel.ReachableAgentAsync(id, ct);
            return byId is not null && byId.OrganizationId == organization
                ? (byId, [])
                : throw DomainError.NotFound(TargetNotFound(target));
        }

        var named = await readModel.NamedAsync(organization, target, ct);
        return named.Count switch
        {
            0 => throw DomainError.NotFound(TargetNotFound(target)),
            1 => (named[0], []),
            _ => (null, [.. named.Select(agent => agent.Id)]),
        };
    }

    /// <summary>The poll's directory: the agent's board mates and gateway-main agent.</summary>
    public async Task<IReadOnlyList<InboxRelationship>> RelationshipsAsync(Guid agentId, CancellationToken ct) =>
        [.. (await readModel.PeersAsync(agentId, ct)).Select(peer =>
            new InboxRelationship(peer.Name, AgentChannel, RoleOf(peer), peer.Description, [AgentChannel]))];

    private static string RoleOf(InboxPeer peer) =>
        peer.IsGatewayMain ? "gateway_main" : peer.IsBoardLead ? "lead" : "worker";
}
