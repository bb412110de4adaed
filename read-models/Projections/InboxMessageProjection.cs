using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Keeps <c>inbox_messages</c> in step with the inbox events of agent streams, mirroring
/// <see cref="InboxEvolver"/>. Each row remembers the stream version of the last event applied.
/// </summary>
public sealed class InboxMessageProjection : IInlineProjection
{
    private const string StreamPrefix = "agent-";

    public bool Handles(Type eventType) => typeof(AgentInboxMessageEvent).IsAssignableFrom(eventType);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        AgentInboxMessageQueued e => InsertAsync(connection, recorded, e, ct),
        AgentInboxMessageDelivered e => Update(connection, recorded, e,
            "status = $5, deliveries = $6, lease_expires_at = $7, delivered_at = $2", ct,
            InboxMessageStatus.Delivered, e.Attempt, e.LeaseExpiresAt),
        AgentInboxLeaseExpired e => Update(connection, recorded, e,
            "status = $5, lease_expires_at = null", ct, InboxMessageStatus.Pending),
        AgentInboxMessageCompleted e => Update(connection, recorded, e,
            "status = $5, result = $6, finished_at = $2, lease_expires_at = null", ct, InboxMessageStatus.Completed, e.Result),
        AgentInboxMessageDeadLettered e => Update(connection, recorded, e,
            "status = $5, deliveries = $6, dead_letter_reason = $7, finished_at = $2, lease_expires_at = null", ct,
            InboxMessageStatus.DeadLetter, e.Deliveries, e.Reason),
        _ => Task.CompletedTask,
    };

    /// <summary>The agent whose stream <paramref name="streamId"/> is (<c>agent-&lt;id&gt;</c>).</summary>
    public static Guid AgentOf(string streamId) =>
        streamId.StartsWith(StreamPrefix, StringComparison.Ordinal) && Guid.TryParse(streamId.AsSpan(StreamPrefix.Length), out var id)
            ? id
            : throw new InvalidOperationException($"Inbox event on a stream that is not an agent's: {streamId}");

    private static Task InsertAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentInboxMessageQueued e, CancellationToken ct) =>
        connection.ExecuteAsync("""
            insert into inbox_messages (
                agent_id, id, conversation_id, sender_agent_id, sender_agent_name, reply_to, content,
                status, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
            on conflict do nothing
            """, ct,
            AgentOf(recorded.StreamId), e.MessageId, e.ConversationId, e.SenderAgentId, e.SenderAgentName, e.ReplyTo, e.Content,
            InboxMessageStatus.Pending, recorded.StreamVersion, e.At);

    // $1 version, $2 event time, $3 agent, $4 message; the assignments' own parameters start at $5.
    private static Task<int> Update(
        NpgsqlConnection connection, RecordedEvent recorded, AgentInboxMessageEvent e, string assignments,
        CancellationToken ct, params object?[] values) =>
        connection.ExecuteAsync(
            $"update inbox_messages set {assignments}, version = $1, updated_at = $2 where agent_id = $3 and id = $4 and version < $1",
            ct, [recorded.StreamVersion, e.At, AgentOf(recorded.StreamId), e.MessageId, .. values]);
}
