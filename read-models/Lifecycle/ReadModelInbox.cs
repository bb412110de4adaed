using MissionControl.Grains.Agents.Inbox;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ReadModels.Lifecycle;

/// <summary>The inbox's lookups, from the read models.</summary>
public sealed class ReadModelInbox(InboxQueries queries) : IInboxReadModel
{
    public Task<InboxAgent?> ReachableAgentAsync(Guid agentId, CancellationToken ct) => queries.ReachableAgentAsync(agentId, ct);

    public Task<IReadOnlyList<InboxAgent>> NamedAsync(Guid organizationId, string name, CancellationToken ct) =>
        queries.NamedAsync(organizationId, name, ct);

    public Task<IReadOnlyList<InboxPeer>> PeersAsync(Guid agentId, CancellationToken ct) => queries.PeersAsync(agentId, ct);

    public async Task<InboxMessageFacts?> MessageAsync(Guid agentId, Guid messageId, CancellationToken ct) =>
        await queries.MessageAsync(agentId, messageId, ct) is { } row ? Facts(row) : null;

    public async Task<IReadOnlyList<InboxMessageFacts>> MessagesWithIdAsync(Guid messageId, CancellationToken ct) =>
        [.. (await queries.MessagesWithIdAsync(messageId, ct)).Select(Facts)];

    private static InboxMessageFacts Facts(InboxMessageRow row) => new(row.AgentId, row.SenderAgentId, row.Content, row.Status, row.Result);
}
