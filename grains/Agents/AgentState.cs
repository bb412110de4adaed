using System.Text.Json;
using System.Text.Json.Serialization;
using MissionControl.Grains.Agents.Inbox;

namespace MissionControl.Grains.Agents;

/// <summary>
/// Everything Mission Control knows about one agent, folded from its event stream. Immutable;
/// <see cref="AgentEvolver"/> produces a new instance per event. Snapshotted as JSON.
/// </summary>
/// <param name="Id">Agent id (the stream key).</param>
/// <param name="Name">Display name.</param>
/// <param name="BoardId">Board the agent works on; null for a gateway-main agent.</param>
/// <param name="GatewayId">Gateway that runs the agent.</param>
/// <param name="IsBoardLead">Whether the agent leads its board.</param>
/// <param name="Status">An <see cref="AgentStatus"/> value or a status the agent reported.</param>
/// <param name="SessionKey">Gateway session key (see <see cref="SessionKeys"/>).</param>
/// <param name="TokenHash">PBKDF2 hash of the agent's token; the token itself is never kept.</param>
/// <param name="HeartbeatConfig">Effective heartbeat settings (defaults merged with the agent's own).</param>
/// <param name="IdentityProfile">Identity fields used to render IDENTITY.md.</param>
/// <param name="IdentityTemplate">Override for IDENTITY.md, when set.</param>
/// <param name="SoulTemplate">Override for SOUL.md, when set.</param>
/// <param name="LastSeenAt">Time of the last heartbeat.</param>
/// <param name="LastProvision">Latest provision or update attempt.</param>
/// <param name="WakeAttempts">Wakes sent since the last heartbeat.</param>
/// <param name="LastWakeSentAt">When the agent was last woken.</param>
/// <param name="CheckInDeadline">When a woken agent must have checked in by; null when not waiting.</param>
/// <param name="LastProvisionError">Error of the last failed provision, cleared by a heartbeat.</param>
/// <param name="OfflineReason">Why the agent was marked offline, cleared by a heartbeat.</param>
/// <param name="LastDeleteError">Error of the last failed gateway cleanup.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Time of the latest event.</param>
public sealed record AgentState(
    Guid Id,
    string Name,
    Guid? BoardId,
    Guid GatewayId,
    bool IsBoardLead,
    string Status,
    string SessionKey,
    string TokenHash,
    IReadOnlyDictionary<string, JsonElement> HeartbeatConfig,
    IReadOnlyDictionary<string, string>? IdentityProfile,
    string? IdentityTemplate,
    string? SoulTemplate,
    DateTimeOffset? LastSeenAt,
    ProvisionAttempt? LastProvision,
    int WakeAttempts,
    DateTimeOffset? LastWakeSentAt,
    DateTimeOffset? CheckInDeadline,
    string? LastProvisionError,
    string? OfflineReason,
    string? LastDeleteError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The agent's inbox: open messages and a short tail of finished ones (empty in older snapshots).</summary>
    public AgentInbox Inbox { get; init; } = AgentInbox.Empty;

    /// <summary>A gateway-main agent is one without a board.</summary>
    [JsonIgnore]
    public bool IsGatewayMain => BoardId is null;

    /// <summary>True once gateway cleanup has finished.</summary>
    [JsonIgnore]
    public bool IsDeleted => Status == AgentStatus.Deleted;

    /// <summary>True while deletion has started but not finished.</summary>
    [JsonIgnore]
    public bool IsDeleting => Status == AgentStatus.Deleting;

    /// <summary>The generation the next provision attempt will get.</summary>
    [JsonIgnore]
    public int NextGeneration => (LastProvision?.Generation ?? 0) + 1;
}
