using System.Text.Json;

namespace MissionControl.Grains.Agents;

/// <summary>
/// Base of every agent command. <paramref name="Now"/> is supplied by the caller so deciding
/// never reads a clock. Tokens arrive already hashed: the raw token stays with the caller,
/// which hands it to the gateway and forgets it.
/// </summary>
public abstract record AgentCommand(DateTimeOffset Now);

/// <summary>Create an agent and start its first provision.</summary>
public sealed record CreateAgent(
    Guid AgentId,
    string Name,
    Guid? BoardId,
    Guid GatewayId,
    string TokenHash,
    DateTimeOffset Now) : AgentCommand(Now)
{
    /// <summary>The token's lookup key (see <see cref="Security.AgentTokens.LookupKey"/>).</summary>
    public string? TokenLookup { get; init; }

    /// <summary>Whether the agent leads its board.</summary>
    public bool IsBoardLead { get; init; }

    /// <summary>Whether this is the gateway's main agent (then <see cref="BoardId"/> must be null).</summary>
    public bool IsGatewayMain { get; init; }

    /// <summary>The agent's own heartbeat settings; merged over the defaults.</summary>
    public IReadOnlyDictionary<string, JsonElement>? HeartbeatConfig { get; init; }

    /// <summary>Identity fields; leads and gateway-main agents get role defaults underneath.</summary>
    public IReadOnlyDictionary<string, string>? IdentityProfile { get; init; }

    /// <summary>IDENTITY.md override; blank means none.</summary>
    public string? IdentityTemplate { get; init; }

    /// <summary>SOUL.md override; blank means none.</summary>
    public string? SoulTemplate { get; init; }
}

/// <summary>A board an agent should move to, with that board's gateway as the caller found it.</summary>
/// <param name="BoardId">The requested board; null when the request explicitly cleared it.</param>
/// <param name="GatewayId">The board's gateway; null when the board has none.</param>
public sealed record BoardTarget(Guid? BoardId, Guid? GatewayId);

/// <summary>
/// Change an agent and re-provision it. Null properties are left unchanged. The new token is
/// used only when the update goes ahead (it always re-keys the agent).
/// </summary>
public sealed record UpdateAgent(string NewTokenHash, DateTimeOffset Now) : AgentCommand(Now)
{
    /// <summary>The new token's lookup key (see <see cref="Security.AgentTokens.LookupKey"/>).</summary>
    public string? NewTokenLookup { get; init; }

    /// <summary>New display name.</summary>
    public string? Name { get; init; }

    /// <summary>Present only to be refused: status belongs to heartbeats.</summary>
    public string? Status { get; init; }

    /// <summary>New heartbeat settings (merged over the defaults).</summary>
    public IReadOnlyDictionary<string, JsonElement>? HeartbeatConfig { get; init; }

    /// <summary>New identity profile (replaces the old one).</summary>
    public IReadOnlyDictionary<string, string>? IdentityProfile { get; init; }

    /// <summary>New IDENTITY.md override; blank clears it.</summary>
    public string? IdentityTemplate { get; init; }

    /// <summary>New SOUL.md override; blank clears it.</summary>
    public string? SoulTemplate { get; init; }

    /// <summary>Board to move to (or the board whose gateway a new gateway-main agent joins).</summary>
    public BoardTarget? Board { get; init; }

    /// <summary>True converts to gateway-main, false converts to board scope.</summary>
    public bool? IsGatewayMain { get; init; }

    /// <summary>Re-provision even without changes, rewriting BOOTSTRAP.md.</summary>
    public bool Force { get; init; }

    /// <summary>True when any field was given.</summary>
    public bool HasChanges =>
        Name is not null || Status is not null || HeartbeatConfig is not null || IdentityProfile is not null
        || IdentityTemplate is not null || SoulTemplate is not null || Board is not null || IsGatewayMain is not null;

    /// <summary>True when a profile field (not scope) was given.</summary>
    public bool ChangesProfile =>
        Name is not null || HeartbeatConfig is not null || IdentityProfile is not null
        || IdentityTemplate is not null || SoulTemplate is not null;
}

/// <summary>Record one finished gateway call of the running provision attempt.</summary>
public sealed record RecordProvisionStep(
    int Generation,
    string Step,
    string Sent,
    string Answer,
    DateTimeOffset Now) : AgentCommand(Now);

/// <summary>Mark the running provision attempt as succeeded.</summary>
public sealed record CompleteProvisioning(int Generation, bool WakeSent, DateTimeOffset Now) : AgentCommand(Now)
{
    /// <summary>How long a woken agent has to check in.</summary>
    public TimeSpan CheckInWindow { get; init; } = AgentDefaults.CheckInWindow;
}

/// <summary>Mark a provision attempt as failed with the error the caller saw.</summary>
public sealed record FailProvisioning(int Generation, string Error, DateTimeOffset Now) : AgentCommand(Now);

/// <summary>Start a new attempt after a failed or interrupted one, with a fresh token.</summary>
public sealed record RetryProvisioning(string NewTokenHash, DateTimeOffset Now) : AgentCommand(Now)
{
    /// <summary>The new token's lookup key (see <see cref="Security.AgentTokens.LookupKey"/>).</summary>
    public string? NewTokenLookup { get; init; }

    /// <summary>Rewrite BOOTSTRAP.md on this attempt.</summary>
    public bool ForceBootstrap { get; init; }

    /// <summary>Started by Mission Control after an interruption rather than by a person.</summary>
    public bool Automatic { get; init; }
}

/// <summary>
/// Rewrite the workspace from the current templates (gateway-wide template sync). The agent keeps
/// its token unless <see cref="NewTokenHash"/> is given (a missing or mismatched token was rotated).
/// </summary>
public sealed record StartTemplateSync(DateTimeOffset Now) : AgentCommand(Now)
{
    /// <summary>Hash of a freshly minted token, when the sync rotates it.</summary>
    public string? NewTokenHash { get; init; }

    /// <summary>Lookup key of that token.</summary>
    public string? NewTokenLookup { get; init; }

    /// <summary>Rewrite BOOTSTRAP.md.</summary>
    public bool ForceBootstrap { get; init; }

    /// <summary>Reset the gateway session after writing.</summary>
    public bool ResetSession { get; init; }

    /// <summary>Rewrite the files the agent otherwise keeps as its own.</summary>
    public bool Overwrite { get; init; }
}

/// <summary>Watchdog: fail an in-progress attempt that has made no progress for too long.</summary>
public sealed record CheckProvisionProgress(TimeSpan StuckAfter, DateTimeOffset Now) : AgentCommand(Now);

/// <summary>The agent checked in, optionally reporting a status.</summary>
public sealed record RecordHeartbeat(DateTimeOffset Now) : AgentCommand(Now)
{
    /// <summary>Status the agent reports; when absent, lifecycle statuses turn into online.</summary>
    public string? Status { get; init; }
}

/// <summary>Watchdog: take a live agent offline when it has been silent too long.</summary>
public sealed record CheckLiveness(DateTimeOffset Now) : AgentCommand(Now)
{
    /// <summary>Silence after which the agent is offline.</summary>
    public TimeSpan OfflineAfter { get; init; } = AgentDefaults.OfflineAfter;
}

/// <summary>
/// Watchdog: after the check-in deadline, wake the agent again (re-provision with a fresh
/// token) or give up and mark it offline.
/// </summary>
public sealed record CheckCheckIn(string NewTokenHash, DateTimeOffset Now) : AgentCommand(Now)
{
    /// <summary>The new token's lookup key (see <see cref="Security.AgentTokens.LookupKey"/>).</summary>
    public string? NewTokenLookup { get; init; }

    /// <summary>Wakes after which the agent is given up.</summary>
    public int MaxWakeAttempts { get; init; } = AgentDefaults.MaxWakeAttempts;
}

/// <summary>Begin deleting the agent (gateway cleanup follows).</summary>
public sealed record StartDeletion(DateTimeOffset Now) : AgentCommand(Now);

/// <summary>Gateway cleanup failed; keep the agent in deleting with the error.</summary>
public sealed record FailDeletion(string Error, DateTimeOffset Now) : AgentCommand(Now);

/// <summary>Gateway cleanup succeeded.</summary>
public sealed record CompleteDeletion(DateTimeOffset Now) : AgentCommand(Now);
