using Orleans;

namespace MissionControl.GrainInterfaces.Agents;

/// <summary>
/// One agent's inbox as the agent uses it (keyed by the agent's id): polling, reporting, checking
/// in and writing to other agents. The messages themselves live in the agents' own streams; this
/// grain carries each operation out, calling one agent grain at a time and never from inside an
/// agent's turn, so two agents answering each other cannot wait on each other.
/// </summary>
[Alias("mc.agent-inbox")]
public interface IAgentInboxGrain : IGrainWithStringKey
{
    /// <summary>Leases the agent's waiting messages (oldest first) and lists who it works with.</summary>
    Task<InboxPollView> Poll(DateTimeOffset now);

    /// <summary>The agent is alive.</summary>
    Task RecordHeartbeat(DateTimeOffset now);

    /// <summary>
    /// Completes a delivered message. A reply to another agent is queued before this answers, and
    /// a repeated report queues it again under the same id, so a reply lost to a crash between the
    /// two steps is restored by the agent's retry.
    /// </summary>
    Task<InboxReportResult> Report(Guid messageId, string result, DateTimeOffset now);

    /// <summary>Queues a message for another agent of the organization, named by id or exact name.</summary>
    Task<SendOutcome> Send(InboxSend send, DateTimeOffset now);
}
