using MissionControl.Grains.Agents.Events;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>
/// Folds inbox events into <see cref="AgentInbox"/>. Like <see cref="AgentEvolver"/> it never
/// throws: an event about a message this state does not hold (it fell out of the recent tail)
/// leaves the inbox as it is.
/// </summary>
public static class InboxEvolver
{
    public static AgentInbox Apply(AgentInbox inbox, AgentEvent evt) => evt switch
    {
        AgentInboxKeyIssued e => inbox with { KeyIssuedAt = e.At },
        AgentInboxMessageQueued e => Queue(inbox, e),
        AgentInboxMessageDelivered e => ChangeOpen(inbox, e.MessageId, m => m with
        {
            Status = InboxMessageStatus.Delivered,
            Deliveries = e.Attempt,
            LeaseExpiresAt = e.LeaseExpiresAt,
        }),
        AgentInboxLeaseExpired e => ChangeOpen(inbox, e.MessageId, m => m with
        {
            Status = InboxMessageStatus.Pending,
            LeaseExpiresAt = null,
        }),
        AgentInboxMessageCompleted e => Finish(inbox, e.MessageId, m => m with
        {
            Status = InboxMessageStatus.Completed,
            Result = e.Result,
            FinishedAt = e.At,
            LeaseExpiresAt = null,
        }),
        AgentInboxMessageDeadLettered e => Finish(inbox, e.MessageId, m => m with
        {
            Status = InboxMessageStatus.DeadLetter,
            Deliveries = e.Deliveries,
            DeadLetterReason = e.Reason,
            FinishedAt = e.At,
            LeaseExpiresAt = null,
        }),
        _ => inbox,
    };

    private static AgentInbox Queue(AgentInbox inbox, AgentInboxMessageQueued e)
    {
        if (inbox.Find(e.MessageId) is not null)
            return inbox;
        var message = new InboxMessage(
            e.MessageId, e.ConversationId, e.SenderAgentId, e.SenderAgentName, e.Content, e.At,
            InboxMessageStatus.Pending, Deliveries: 0, LeaseExpiresAt: null, Result: null, FinishedAt: null)
        {
            ReplyTo = e.ReplyTo,
        };
        return inbox with { Open = [.. inbox.Open, message] };
    }

    private static AgentInbox ChangeOpen(AgentInbox inbox, Guid messageId, Func<InboxMessage, InboxMessage> change) =>
        inbox.Open.Any(m => m.Id == messageId)
            ? inbox with { Open = [.. inbox.Open.Select(m => m.Id == messageId ? change(m) : m)] }
            : inbox;

    // A finished message moves to the end of the recent tail; a late report of a dead-lettered
    // message moves it there again, now completed.
    private static AgentInbox Finish(AgentInbox inbox, Guid messageId, Func<InboxMessage, InboxMessage> change)
    {
        if (inbox.Find(messageId) is not { } message)
            return inbox;
        var recent = inbox.Recent.Where(m => m.Id != messageId).Append(change(message)).ToList();
        return inbox with
        {
            Open = [.. inbox.Open.Where(m => m.Id != messageId)],
            Recent = recent.Count > AgentInbox.RecentLimit ? recent[^AgentInbox.RecentLimit..] : recent,
        };
    }
}
