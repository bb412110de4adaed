using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;

namespace MissionControl.Grains.Agents;

/// <summary>
/// The inbox rules. A poll is one decision on the agent's state, and the grain makes one decision
/// at a time, so two polls never lease the same message while its lease runs.
/// </summary>
public static partial class AgentDecider
{
    /// <summary>Reason recorded on a dead-lettered message.</summary>
    public static string DeadLetterReason(int deliveries) =>
        $"Delivered {deliveries} times without a report";

    private static IReadOnlyList<AgentEvent> DecideInbox(AgentState? state, AgentInboxCommand command) => command switch
    {
        IssueInboxKey c => IssueKey(state, c),
        QueueInboxMessage c => Queue(state, c),
        PollInbox c => Poll(state, c),
        ReportInboxMessage c => Report(state, c),
        RecordInboxLiveness c => InboxLiveness(RequireReachable(state), c.Now) is { } seen ? [seen] : Nothing,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown inbox command"),
    };

    private static IReadOnlyList<AgentEvent> IssueKey(AgentState? state, IssueInboxKey command)
    {
        RequireChangeable(state);
        if (!InboxKeys.IsWellFormedHash(command.KeyHash))
            throw new ArgumentException("Inbox keys must arrive as their keyed hash.", nameof(command));
        return [new AgentInboxKeyIssued(command.KeyHash, command.Now)];
    }

    private static IReadOnlyList<AgentEvent> Queue(AgentState? state, QueueInboxMessage command)
    {
        var agent = RequireChangeable(state);
        RequireText(command.Content, "content", command.MaxContentLength);
        if (agent.Inbox.Find(command.MessageId) is { } existing)
        {
            return IsSameMessage(existing, command)
                ? Nothing
                : throw InboxErrors.MessageIdReused();
        }

        if (command.ReplyTo is null && agent.Inbox.Open.Count >= command.MaxOpenMessages)
        {
            throw DomainError.Conflict(
                $"The inbox of {agent.Name} is full ({agent.Inbox.Open.Count} messages wait to be reported)", "gateway_inbox_full");
        }

        return
        [
            new AgentInboxMessageQueued(command.MessageId, command.ConversationId, command.Content, command.Now)
            {
                SenderAgentId = command.SenderAgentId,
                SenderAgentName = command.SenderAgentName,
                ReplyTo = command.ReplyTo,
            },
        ];
    }

    private static bool IsSameMessage(InboxMessage existing, QueueInboxMessage command) =>
        existing.SenderAgentId == command.SenderAgentId
        && existing.ConversationId == command.ConversationId
        && existing.Content == command.Content;

    private static IReadOnlyList<AgentEvent> Poll(AgentState? state, PollInbox command)
    {
        var agent = RequireReachable(state);
        var events = new List<AgentEvent>();
        if (InboxLiveness(agent, command.Now) is { } seen)
            events.Add(seen);
        var budget = Math.Max(command.Max, 0);
        foreach (var message in agent.Inbox.Open.Where(m => !m.IsLeasedAt(command.Now)))
        {
            if (message.Deliveries >= command.MaxDeliveries)
            {
                events.Add(new AgentInboxMessageDeadLettered(message.Id, message.Deliveries, DeadLetterReason(message.Deliveries), command.Now));
                continue;
            }

            if (message.Status == InboxMessageStatus.Delivered)
                events.Add(new AgentInboxLeaseExpired(message.Id, message.Deliveries, command.Now));
            if (budget == 0)
                continue;
            events.Add(new AgentInboxMessageDelivered(message.Id, message.Deliveries + 1, command.Now + command.VisibilityTimeout, command.Now));
            budget--;
        }

        return events;
    }

    private static IReadOnlyList<AgentEvent> Report(AgentState? state, ReportInboxMessage command)
    {
        var agent = RequireExisting(state);
        RequireText(command.Result, "result", command.MaxContentLength);
        var message = agent.Inbox.Find(command.MessageId) ?? throw DomainError.NotFound(InboxErrors.MessageNotFound);
        if (message.Status == InboxMessageStatus.Completed)
        {
            return message.Result == command.Result
                ? Nothing
                : throw InboxErrors.ResultMismatch();
        }

        // Reporting what was never handed out would complete a message nobody has read.
        if (message.Deliveries == 0)
            throw DomainError.Conflict("This message has not been delivered yet", "gateway_message_not_delivered");

        // A report after the lease ran out (or even after dead-lettering) is still the agent's
        // answer: keeping it loses nothing, refusing it would.
        return [new AgentInboxMessageCompleted(message.Id, command.Result, command.Now)];
    }

    /// <summary>
    /// Calling the inbox shows the agent is alive: offline turns online, other statuses stay. Nothing
    /// is recorded while Mission Control is provisioning it or after it failed, so a poll never hides
    /// a failure or races an attempt.
    /// </summary>
    private static AgentHeartbeatRecorded? InboxLiveness(AgentState agent, DateTimeOffset now) =>
        agent.Status is AgentStatus.Provisioning or AgentStatus.Updating or AgentStatus.Failed
            or AgentStatus.Deleting or AgentStatus.Deleted
            ? null
            : new AgentHeartbeatRecorded(agent.Status == AgentStatus.Offline ? AgentStatus.Online : agent.Status, now);

    /// <summary>An agent that may use its inbox: existing and not being deleted.</summary>
    private static AgentState RequireReachable(AgentState? state) => RequireChangeable(state);

    private static void RequireText(string? text, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw DomainError.Validation($"{field} must not be empty");
        if (text.Length > maxLength)
            throw DomainError.Validation($"{field} is longer than {maxLength} characters");
    }
}
