namespace MissionControl.Grains.Agents.Inbox;

/// <summary>
/// What the inbox looks up in the read models: who an agent can reach, and messages past the
/// agent grain's recent tail.
/// </summary>
public interface IInboxReadModel
{
    /// <summary>The agent, unless it is deleted or being deleted.</summary>
    Task<InboxAgent?> ReachableAgentAsync(Guid agentId, CancellationToken ct);

    /// <summary>The reachable agents of the organization with exactly this name.</summary>
    Task<IReadOnlyList<InboxAgent>> NamedAsync(Guid organizationId, string name, CancellationToken ct);

    /// <summary>Who the agent works with: its board mates and its gateway's main agent (for a gateway-main agent, its gateway's board leads).</summary>
    Task<IReadOnlyList<InboxPeer>> PeersAsync(Guid agentId, CancellationToken ct);

    /// <summary>The message in the agent's inbox, if the read model has it.</summary>
    Task<InboxMessageFacts?> MessageAsync(Guid agentId, Guid messageId, CancellationToken ct);

    /// <summary>Every message with this id, in any inbox.</summary>
    Task<IReadOnlyList<InboxMessageFacts>> MessagesWithIdAsync(Guid messageId, CancellationToken ct);
}

/// <summary>What the inbox needs to know about an agent: where it sits and what it is called.</summary>
public sealed record InboxAgent(Guid Id, Guid? OrganizationId, Guid? BoardId, Guid GatewayId, string Name, string Status);

/// <summary>An agent in another agent's directory (the poll's <c>relationships</c>).</summary>
public sealed record InboxPeer(Guid Id, string Name, bool IsBoardLead, bool IsGatewayMain, string? Description);

/// <summary>A message as far as telling a repeat from a conflict needs.</summary>
public sealed record InboxMessageFacts(Guid AgentId, Guid? SenderAgentId, string Content, string Status, string? Result);
