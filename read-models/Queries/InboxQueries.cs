using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>
/// Reads for the agent inbox: key lookup, target and directory lookups on <c>agents</c>, and the
/// <c>inbox_messages</c> listing. Agents being deleted are treated as gone: they cannot call in and
/// cannot be written to.
/// </summary>
public sealed class InboxQueries(NpgsqlDataSource dataSource)
{
    private const string Reachable = $"not deleted and status not in ('{AgentStatus.Deleting}', '{AgentStatus.Deleted}')";

    private const string AgentColumns = "id, organization_id, board_id, gateway_id, name, status";

    private const string MessageColumns = """
        agent_id, id, conversation_id, sender_agent_id, sender_agent_name, reply_to, content, status, deliveries,
        lease_expires_at, delivered_at, result, dead_letter_reason, finished_at, created_at, updated_at
        """;

    /// <summary>The agent whose current inbox key has this hash; one unique-index lookup.</summary>
    public Task<InboxKeyOwner?> FindKeyOwnerAsync(string keyHash, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync(
            $"select id, board_id, is_board_lead from agents where inbox_key_hash = $1 and {Reachable}",
            row => new InboxKeyOwner(row.Guid("id"), row.GuidOrNull("board_id"), row.Flag("is_board_lead")),
            ct, keyHash);

    /// <summary>The agent, unless it is deleted or being deleted.</summary>
    public Task<InboxAgent?> ReachableAgentAsync(Guid agentId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync($"select {AgentColumns} from agents where id = $1 and {Reachable}", ReadAgent, ct, agentId);

    /// <summary>Reachable agents of the organization called exactly <paramref name="name"/> (no case folding, no substrings).</summary>
    public Task<IReadOnlyList<InboxAgent>> NamedAsync(Guid organizationId, string name, CancellationToken ct = default) =>
        dataSource.ListAsync(
            $"select {AgentColumns} from agents where organization_id = $1 and name = $2 and {Reachable} order by created_at, id",
            ReadAgent, ct, organizationId, name);

    /// <summary>
    /// The agents <paramref name="agentId"/> works with: the others on its board and its gateway's
    /// main agent; for a gateway-main agent, the leads of the boards on its gateway. Each part is
    /// one index lookup (agents by board, the gateway's main agent, boards by gateway).
    /// </summary>
    public Task<IReadOnlyList<InboxPeer>> PeersAsync(Guid agentId, CancellationToken ct = default) =>
        dataSource.ListAsync($"""
            with me as (select board_id, gateway_id from agents where id = $1),
            peer_ids as (
                select b.id from agents b join me on b.board_id = me.board_id
                union select g.main_agent_id from gateways g join me on g.id = me.gateway_id
                union select bd.lead_agent_id from boards bd join me on bd.gateway_id = me.gateway_id
                    where me.board_id is null and not bd.deleted)
            select a.id, a.name, a.is_board_lead, a.is_gateway_main, a.identity_profile ->> 'role' as description
            from agents a join peer_ids p on p.id = a.id
            where a.id <> $1 and not a.deleted and a.status not in ('{AgentStatus.Deleting}', '{AgentStatus.Deleted}')
            order by a.is_gateway_main desc, a.is_board_lead desc, a.name, a.id
            """,
            row => new InboxPeer(row.Guid("id"), row.Text("name"), row.Flag("is_board_lead"), row.Flag("is_gateway_main"), row.TextOrNull("description")),
            ct, agentId);

    /// <summary>Every inbox's message with this id (a sender's message_id is checked against all before reuse).</summary>
    public Task<IReadOnlyList<InboxMessageRow>> MessagesWithIdAsync(Guid messageId, CancellationToken ct = default) =>
        dataSource.ListAsync($"select {MessageColumns} from inbox_messages where id = $1", ReadMessage, ct, messageId);

    /// <summary>One message of one agent's inbox.</summary>
    public Task<InboxMessageRow?> MessageAsync(Guid agentId, Guid messageId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync(
            $"select {MessageColumns} from inbox_messages where agent_id = $1 and id = $2", ReadMessage, ct, agentId, messageId);

    /// <summary>One page of an agent's messages, newest first, optionally of one status.</summary>
    public Task<Page<InboxMessageRow>> PageAsync(Guid agentId, string? status, int limit, int offset, CancellationToken ct = default) =>
        dataSource.PageAsync(
            MessageColumns, "inbox_messages",
            new Filter().Require("agent_id = {0}", agentId).RequireIfSet("status = {0}", status),
            "created_at desc, id", limit, offset, ReadMessage, ct);

    private static InboxAgent ReadAgent(NpgsqlDataReader row) => new(
        row.Guid("id"), row.GuidOrNull("organization_id"), row.GuidOrNull("board_id"), row.Guid("gateway_id"), row.Text("name"), row.Text("status"));

    private static InboxMessageRow ReadMessage(NpgsqlDataReader row) => new(
        row.Guid("agent_id"),
        row.Guid("id"),
        row.Text("conversation_id"),
        row.GuidOrNull("sender_agent_id"),
        row.TextOrNull("sender_agent_name"),
        row.GuidOrNull("reply_to"),
        row.Text("content"),
        row.Text("status"),
        row.Int("deliveries"),
        row.TimeOrNull("lease_expires_at"),
        row.TimeOrNull("delivered_at"),
        row.TextOrNull("result"),
        row.TextOrNull("dead_letter_reason"),
        row.TimeOrNull("finished_at"),
        row.Time("created_at"),
        row.Time("updated_at"));
}
