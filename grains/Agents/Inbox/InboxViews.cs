using MissionControl.GrainInterfaces.Agents;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>Translates inbox state into the grain contract.</summary>
internal static class InboxViews
{
    public static LeasedMessage Leased(AgentState agent, InboxMessage message) => new(
        message.Id,
        message.ConversationId,
        message.SenderAgentId,
        message.SenderAgentName,
        message.Content,
        message.QueuedAt,
        message.Deliveries,
        message.LeaseExpiresAt ?? message.QueuedAt,
        InboxHistory.Before(agent, message));

    public static InboxMessageView View(InboxMessage message) => new(
        message.Id,
        message.ConversationId,
        message.SenderAgentId,
        message.SenderAgentName,
        message.Content,
        message.Status,
        message.Deliveries,
        message.QueuedAt,
        message.LeaseExpiresAt,
        message.Result,
        message.FinishedAt,
        message.DeadLetterReason,
        message.ReplyTo);

    /// <summary>
    /// The reply to send back when <paramref name="message"/> was reported: only for a message from
    /// another agent, and never for a reply itself, so two agents cannot bounce reports forever.
    /// </summary>
    public static InboxReply? ReplyFor(AgentState agent, InboxMessage message) =>
        message is { SenderAgentId: { } sender, ReplyTo: null, Result: { } result }
            ? new InboxReply(InboxIds.ReplyTo(message.Id), sender, message.Id, message.ConversationId, agent.Id, agent.Name, result)
            : null;
}
