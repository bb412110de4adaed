using Microsoft.Extensions.Logging;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Common;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>
/// Carries out an agent's inbox operations (see <see cref="IAgentInboxGrain"/>). It keeps no
/// state of its own, so it runs on whichever silo the request arrived at, and interleaves its
/// calls: an operation waiting on another agent's grain (a send, a reply) never holds up the
/// agent's polls and heartbeats.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("agent-inbox")]
public sealed class AgentInboxGrain(
    IGrainFactory grains,
    InboxDirectory directory,
    IInboxReadModel readModel,
    InboxOptions options,
    ILogger<AgentInboxGrain> logger) : Grain, IAgentInboxGrain
{
    private Guid AgentId => EntityKey.Parse(this.GetPrimaryKeyString());

    public async Task<InboxPollView> Poll(DateTimeOffset now)
    {
        var relationships = directory.RelationshipsAsync(AgentId, CancellationToken.None);
        var leased = await Agent(AgentId).Poll(new InboxPoll(options.PollLimit, now)
        {
            VisibilityTimeout = options.VisibilityTimeout,
            MaxDeliveries = options.MaxDeliveries,
        });
        return new InboxPollView(leased.Messages, await relationships);
    }

    public Task RecordHeartbeat(DateTimeOffset now) => Agent(AgentId).RecordInboxHeartbeat(now);

    public async Task<InboxReportResult> Report(Guid messageId, string result, DateTimeOffset now)
    {
        InboxReportResult outcome;
        try
        {
            outcome = await Agent(AgentId).Report(new InboxReport(messageId, result, now) { MaxContentLength = options.MaxContentLength });
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            // Finished long ago and out of the grain's recent tail: the read model still knows it.
            var message = await readModel.MessageAsync(AgentId, messageId, CancellationToken.None);
            if (message is not { Status: InboxMessageStatus.Completed })
                throw;
            return message.Result == result ? new InboxReportResult(Repeated: true, Reply: null) : throw InboxErrors.ResultMismatch();
        }

        if (outcome.Reply is { } reply)
            await RouteReplyAsync(reply, now);
        return outcome;
    }

    public async Task<SendOutcome> Send(InboxSend send, DateTimeOffset now)
    {
        var target = Text.TrimToNull(send.Target) ?? throw DomainError.Validation("target must not be empty");
        if (string.IsNullOrWhiteSpace(send.Content))
            throw DomainError.Validation("content must not be empty");
        if (PersonTarget(target, send.Channel) is { } person)
            return person;

        var sender = await directory.SenderAsync(AgentId, CancellationToken.None);
        var (agent, candidates) = await directory.ResolveAsync(sender, target, CancellationToken.None);
        if (agent is null)
            return new SendAmbiguous(target, candidates);
        if (agent.Id == sender.Id)
            throw DomainError.Validation("An agent cannot send a message to itself");

        var conversation = InboxIds.Conversation(sender.Id, agent.Id);
        var messageId = send.MessageId ?? Guid.NewGuid();
        if (send.MessageId is not null && await AlreadySentAsync(messageId, sender.Id, agent.Id, send.Content))
            return new SendAccepted(messageId, agent.Id, agent.Name, conversation, Duplicate: true);

        var queued = await Agent(agent.Id).QueueMessage(new InboxLetter(messageId, conversation, send.Content, now)
        {
            SenderAgentId = sender.Id,
            SenderAgentName = sender.Name,
            MaxOpenMessages = options.MaxOpenMessages,
            MaxContentLength = options.MaxContentLength,
        });
        return new SendAccepted(messageId, agent.Id, agent.Name, conversation, queued.Duplicate);
    }

    /// <summary>
    /// Only agents are reachable here: a human channel, or a target written as an address, is refused
    /// with a clear answer instead of being guessed at.
    /// </summary>
    private static SendToPerson? PersonTarget(string target, string? channel)
    {
        var hint = Text.TrimToNull(channel)?.ToLowerInvariant();
        if (hint is not null && hint != InboxDirectory.AgentChannel)
            return new SendToPerson($"Channel '{hint}' reaches people; this gateway only carries messages between agents (channel 'agent').");
        return target.Contains('@')
            ? new SendToPerson($"Target '{target}' looks like a person's address; this gateway only carries messages between agents.")
            : null;
    }

    // The grain recognises a repeat while the message is open or recent; the read model beyond that,
    // and it is also where an id already used for another inbox or sender shows up.
    private async Task<bool> AlreadySentAsync(Guid messageId, Guid senderId, Guid targetId, string content)
    {
        var existing = await readModel.MessagesWithIdAsync(messageId, CancellationToken.None);
        if (existing.Count == 0)
            return false;
        return existing.Any(m => m.AgentId == targetId && m.SenderAgentId == senderId && m.Content == content)
            ? true
            : throw InboxErrors.MessageIdReused();
    }

    private async Task RouteReplyAsync(InboxReply reply, DateTimeOffset now)
    {
        try
        {
            await Agent(reply.ToAgentId).QueueMessage(new InboxLetter(reply.ReplyId, reply.ConversationId, reply.Content, now)
            {
                SenderAgentId = reply.FromAgentId,
                SenderAgentName = reply.FromAgentName,
                ReplyTo = reply.InReplyTo,
                MaxContentLength = options.MaxContentLength,
            });
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound || ex is { Kind: DomainErrorKind.Conflict, Code: null })
        {
            // The sender was deleted (or is being deleted) meanwhile: there is nobody left to answer.
            logger.LogInformation("Reply {ReplyId} not routed: agent {AgentId} can no longer receive messages", reply.ReplyId, reply.ToAgentId);
        }
    }

    private IAgentGrain Agent(Guid agentId) => grains.GetGrain<IAgentGrain>(agentId.ToString());
}
