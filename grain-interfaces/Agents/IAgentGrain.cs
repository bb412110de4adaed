using System.Text.Json;
using Orleans;

namespace MissionControl.GrainInterfaces.Agents;

/// <summary>
/// One agent (keyed by its id): its record, its workspace on the gateway and its presence. Every
/// change is an event in the agent's stream. Provisioning runs in the grain right after the call
/// that asked for it; a durable watch reminder finishes or fails an attempt whose silo died, so an
/// agent is never left provisioning or updating for good.
/// </summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates the agent and starts its first provision; returns once the request is recorded.</summary>
    Task<AgentPresence> Register(NewAgent agent);

    /// <summary>
    /// Mints the token <see cref="Register"/> will give the agent, ahead of it: hashing a token
    /// costs tens of milliseconds of CPU, and registrations on one gateway are taken one at a time
    /// by its roster, so a burst of creations hashes side by side first. Harmless to skip or repeat;
    /// the token stays in this activation's memory.
    /// </summary>
    Task MintTokenAhead();

    /// <summary>Changes the agent and re-provisions it with a fresh token.</summary>
    Task<AgentPresence> Update(AgentChanges changes);

    /// <summary>Starts a new attempt after a failed or interrupted one.</summary>
    Task<AgentPresence> RetryProvisioning(bool forceBootstrap);

    /// <summary>Rewrites the agent's workspace from the current templates and waits for the result.</summary>
    [ResponseTimeout("00:11:00")] // the template sync's gateway budget (10 minutes), and then some
    Task<TemplateSyncOutcome> SyncTemplates(TemplateSyncRequest request);

    /// <summary>Records a heartbeat: the status given, else online; last seen now. Returns the agent as it now is.</summary>
    Task<AgentSnapshot> RecordHeartbeat(string? status);

    /// <summary>
    /// The agent's own heartbeat, sent with a token proven against <paramref name="tokenHash"/>.
    /// Recorded only while that is still the agent's token hash, as the stream has it when the
    /// heartbeat commits, so a token rotated or an agent deleted on any silo is refused at once.
    /// Null when refused.
    /// </summary>
    Task<AgentSnapshot?> RecordOwnHeartbeat(string? status, string tokenHash);

    /// <summary>Cleans the agent off its gateway and marks it deleted; a failed cleanup leaves it deleting with the error.</summary>
    Task<AgentDeletion> Delete();

    Task<AgentPresence> GetPresence();

    /// <summary>The agent as its stream tells it; null when it never existed or was deleted.</summary>
    Task<AgentSnapshot?> Get();

    /// <summary>Records a new inbox key by its keyed hash; the previous key stops working at once.</summary>
    Task IssueInboxKey(string keyHash);

    /// <summary>Puts a message in the agent's inbox, pending until a poll leases it.</summary>
    Task<InboxQueued> QueueMessage(InboxLetter letter);

    /// <summary>
    /// Leases pending messages (oldest first, at most <see cref="InboxPoll.Max"/>) in one turn, so
    /// concurrent polls never get the same message while its lease runs; also a liveness signal.
    /// </summary>
    Task<InboxPollResult> Poll(InboxPoll poll);

    /// <summary>Completes a delivered message; says where its reply must go.</summary>
    Task<InboxReportResult> Report(InboxReport report);

    /// <summary>A liveness signal from the agent's inbox client (it never revives a failed or deleted agent).</summary>
    Task RecordInboxHeartbeat(DateTimeOffset now);

    /// <summary>The open messages and the recent finished ones, oldest first.</summary>
    Task<IReadOnlyList<InboxMessageView>> InboxMessages();

    /// <summary>Marks the agent offline if it has been silent for longer than OFFLINE_AFTER; else nothing.</summary>
    Task CheckLiveness();

    /// <summary>
    /// Arms whatever watch the agent's state needs (provisioning, check-in, deletion) and enlists
    /// a live agent with its gateway's offline sweep. For agents whose watches were kept elsewhere
    /// before (an upgrade); harmless to repeat.
    /// </summary>
    Task Resume();
}

/// <summary>What an agent needs to exist. The token is minted by the grain; no caller ever holds it.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.new-agent")]
public sealed record NewAgent(Guid AgentId, string Name, Guid? BoardId, Guid GatewayId)
{
    [Orleans.Id(4)]
    public bool IsBoardLead { get; init; }

    [Orleans.Id(5)]
    public bool IsGatewayMain { get; init; }

    /// <summary>The agent's own heartbeat settings, laid over the defaults.</summary>
    [Orleans.Id(6)]
    public IReadOnlyDictionary<string, JsonElement>? HeartbeatConfig { get; init; }

    [Orleans.Id(7)]
    public IReadOnlyDictionary<string, string>? IdentityProfile { get; init; }

    /// <summary>Handlebars source replacing IDENTITY.md.</summary>
    [Orleans.Id(8)]
    public string? IdentityTemplate { get; init; }

    /// <summary>Handlebars source replacing SOUL.md.</summary>
    [Orleans.Id(9)]
    public string? SoulTemplate { get; init; }
}

/// <summary>Changes to an agent; null leaves a field as it is.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.agent-changes")]
public sealed record AgentChanges
{
    [Orleans.Id(0)]
    public string? Name { get; init; }

    /// <summary>Only ever refused: status belongs to heartbeats.</summary>
    [Orleans.Id(1)]
    public string? Status { get; init; }

    [Orleans.Id(2)]
    public IReadOnlyDictionary<string, JsonElement>? HeartbeatConfig { get; init; }

    [Orleans.Id(3)]
    public IReadOnlyDictionary<string, string>? IdentityProfile { get; init; }

    [Orleans.Id(4)]
    public string? IdentityTemplate { get; init; }

    [Orleans.Id(5)]
    public string? SoulTemplate { get; init; }

    /// <summary>Move to this board (with its gateway as the caller found it).</summary>
    [Orleans.Id(6)]
    public BoardMove? Board { get; init; }

    /// <summary>True converts to the gateway-main agent, false to a board agent.</summary>
    [Orleans.Id(7)]
    public bool? IsGatewayMain { get; init; }

    /// <summary>Re-provision even without changes and rewrite BOOTSTRAP.md.</summary>
    [Orleans.Id(8)]
    public bool Force { get; init; }
}

/// <summary>A board to move to; null ids mean "none" (refused where a board is required).</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.board-move")]
public sealed record BoardMove(Guid? BoardId, Guid? GatewayId);

/// <summary>One agent's part of a gateway-wide template sync.</summary>
/// <param name="CurrentToken">The AUTH_TOKEN read from the agent's workspace; null when none was found.</param>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.template-sync-request")]
public sealed record TemplateSyncRequest(string? CurrentToken)
{
    /// <summary>Mint a new token when the current one is missing or does not match.</summary>
    [Orleans.Id(1)]
    public bool RotateTokens { get; init; }

    [Orleans.Id(2)]
    public bool ForceBootstrap { get; init; }

    [Orleans.Id(3)]
    public bool ResetSession { get; init; }

    /// <summary>Rewrite the files the agent otherwise keeps as its own (USER.md, MEMORY.md, ...).</summary>
    [Orleans.Id(4)]
    public bool Overwrite { get; init; }
}

/// <summary>How an agent's template sync went: updated, or skipped/failed with the reason.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.template-sync-outcome")]
public sealed record TemplateSyncOutcome(bool Updated, string? Error);

/// <summary>The result of a delete: done, or still deleting because gateway cleanup failed.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.agent-deletion")]
public sealed record AgentDeletion(bool Deleted, string? Error);

/// <summary>An agent's status as its stream tells it.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.agent-presence")]
public sealed record AgentPresence(string Status, DateTimeOffset? LastSeenAt, long Version);

/// <summary>The latest provision attempt, for operators.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.provision-summary")]
[Orleans.Immutable]
public sealed record ProvisionSummary(
    int Generation,
    string Action,
    string Outcome,
    string? Error,
    IReadOnlyList<string> Steps,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>
/// Everything about an agent that may be shown (no token, no hash). Every heartbeat answers
/// with one; it is built afresh from the agent's state and never changed after, so a call within
/// one silo hands it over as it is instead of deep-copying it (its JSON settings included).
/// </summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.agent-snapshot")]
[Orleans.Immutable]
public sealed record AgentSnapshot(
    Guid Id,
    string Name,
    Guid? BoardId,
    Guid GatewayId,
    bool IsBoardLead,
    bool IsGatewayMain,
    string Status,
    string SessionKey,
    IReadOnlyDictionary<string, JsonElement> HeartbeatConfig,
    IReadOnlyDictionary<string, string>? IdentityProfile,
    string? IdentityTemplate,
    string? SoulTemplate,
    DateTimeOffset? LastSeenAt,
    ProvisionSummary? LastProvision,
    int WakeAttempts,
    string? LastProvisionError,
    string? OfflineReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
