namespace MissionControl.GrainInterfaces.Agents;

/// <summary>What a poll hands the agent: the messages it now holds leases on, and its directory.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-poll-view")]
public sealed record InboxPollView(IReadOnlyList<LeasedMessage> Messages, IReadOnlyList<InboxRelationship> Relationships);

/// <summary>Someone the agent may contact (the poll's <c>relationships</c>).</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-relationship")]
public sealed record InboxRelationship(string Name, string Type, string? Role, string? Description, IReadOnlyList<string> Channels);

/// <summary>A send-message request as the agent gave it.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.inbox-send")]
public sealed record InboxSend(string? Target, string? Content, string? Channel, Guid? MessageId);

/// <summary>How a send-message went, when it did not break a plain rule (those throw domain errors).</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.send-outcome")]
public abstract record SendOutcome;

/// <summary>Queued in the target's inbox (or already there: <paramref name="Duplicate"/>).</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.send-accepted")]
public sealed record SendAccepted(Guid MessageId, Guid TargetId, string TargetName, string ConversationId, bool Duplicate) : SendOutcome;

/// <summary>The target is a person; this gateway only carries messages between agents.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.send-to-person")]
public sealed record SendToPerson(string Detail) : SendOutcome;

/// <summary>Several agents of the organization have that exact name.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.send-ambiguous")]
public sealed record SendAmbiguous(string Target, IReadOnlyList<Guid> Candidates) : SendOutcome;
