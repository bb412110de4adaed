using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents;

/// <summary>
/// The agent's inbox. Every operation is one decision in the grain's turn; a poll leases what it
/// returns in the same append, so concurrent polls (on this silo or another, whose append then
/// conflicts and is decided again on the fresh stream) never share a lease.
/// </summary>
public sealed partial class AgentGrain
{
    public async Task IssueInboxKey(string keyHash) =>
        await Execute(state => AgentDecider.Decide(state, new Agents.IssueInboxKey(keyHash, clock.GetUtcNow())));

    public async Task<InboxQueued> QueueMessage(InboxLetter letter)
    {
        var events = await Execute(state => AgentDecider.Decide(state, new QueueInboxMessage(
            letter.MessageId, letter.ConversationId, letter.Content, letter.Now)
        {
            SenderAgentId = letter.SenderAgentId,
            SenderAgentName = letter.SenderAgentName,
            ReplyTo = letter.ReplyTo,
            MaxOpenMessages = letter.MaxOpenMessages,
            MaxContentLength = letter.MaxContentLength,
        }));
        return new InboxQueued(letter.MessageId, Duplicate: events.Count == 0);
    }

    public async Task<InboxPollResult> Poll(InboxPoll poll)
    {
        var events = await Execute(state => AgentDecider.Decide(state, new PollInbox(poll.Max, poll.Now)
        {
            VisibilityTimeout = poll.VisibilityTimeout,
            MaxDeliveries = poll.MaxDeliveries,
        }));
        await AfterSeenAsync(events);
        var agent = State!;
        var leased = events.OfType<AgentInboxMessageDelivered>()
            .Select(delivered => agent.Inbox.Find(delivered.MessageId))
            .OfType<InboxMessage>()
            .Select(message => InboxViews.Leased(agent, message))
            .ToList();
        return new InboxPollResult(leased);
    }

    public async Task<InboxReportResult> Report(InboxReport report)
    {
        var events = await Execute(state => AgentDecider.Decide(state, new ReportInboxMessage(report.MessageId, report.Result, report.Now)
        {
            MaxContentLength = report.MaxContentLength,
        }));
        var message = State!.Inbox.Find(report.MessageId) ?? throw DomainError.NotFound(InboxErrors.MessageNotFound);
        return new InboxReportResult(Repeated: events.Count == 0, InboxViews.ReplyFor(State, message));
    }

    public async Task RecordInboxHeartbeat(DateTimeOffset now) =>
        await AfterSeenAsync(await Execute(state => AgentDecider.Decide(state, new RecordInboxLiveness(now))));

    public async Task<IReadOnlyList<InboxMessageView>> InboxMessages()
    {
        var agent = State is { IsDeleted: false } live ? live : throw DomainError.NotFound();
        return [.. agent.Inbox.Recent.Concat(agent.Inbox.Open).OrderBy(m => m.QueuedAt).Select(InboxViews.View)];
    }
}
