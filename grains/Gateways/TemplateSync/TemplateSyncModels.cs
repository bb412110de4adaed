namespace MissionControl.Grains.Gateways.TemplateSync;

/// <summary>What a gateway-wide template sync should do (the API's query options).</summary>
public sealed record TemplateSyncOptions
{
    /// <summary>Sync the gateway-main agent too.</summary>
    public bool IncludeMain { get; init; } = true;

    /// <summary>Reset each agent's gateway session after writing its files.</summary>
    public bool ResetSessions { get; init; }

    /// <summary>Mint new tokens for agents whose token is missing from their workspace or does not match.</summary>
    public bool RotateTokens { get; init; }

    /// <summary>Rewrite BOOTSTRAP.md for every agent.</summary>
    public bool ForceBootstrap { get; init; }

    /// <summary>Only this board's agents.</summary>
    public Guid? BoardId { get; init; }

    /// <summary>Only board leads (and the gateway-main agent, when included).</summary>
    public bool LeadOnly { get; init; }

    /// <summary>Rewrite files the agent otherwise keeps as its own (USER.md, MEMORY.md, ...).</summary>
    public bool Overwrite { get; init; }
}

/// <summary>One agent the sync could not update, and why.</summary>
public sealed record TemplateSyncError(Guid? AgentId, string? AgentName, Guid? BoardId, string Message);

/// <summary>The outcome of a sync, also reported as progress while it runs.</summary>
public sealed record TemplateSyncResult(
    Guid GatewayId,
    bool IncludeMain,
    bool ResetSessions,
    int AgentsUpdated,
    int AgentsSkipped,
    bool MainUpdated,
    IReadOnlyList<TemplateSyncError> Errors)
{
    /// <summary>Agents looked at so far, out of <see cref="AgentsTotal"/>.</summary>
    public int AgentsDone { get; init; }

    /// <summary>Agents the run will look at.</summary>
    public int AgentsTotal { get; init; }

    /// <summary>True once the run has ended (finished, or stopped by a gateway failure).</summary>
    public bool Finished { get; init; }

    /// <summary>The agent just done, in a progress report after an agent; null otherwise.</summary>
    public TemplateSyncAgentOutcome? LastAgent { get; init; }
}

/// <summary>What the sync did with one agent: <see cref="Updated"/>, <see cref="Skipped"/> or <see cref="Failed"/> with why.</summary>
public sealed record TemplateSyncAgentOutcome(Guid AgentId, string AgentName, Guid? BoardId, string Outcome, string? Message)
{
    public const string Updated = "updated";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}

/// <summary>An agent of the gateway as the sync sees it.</summary>
public sealed record RosterAgent(Guid AgentId, string Name, Guid? BoardId, string SessionKey, bool IsGatewayMain)
{
    /// <summary>Whether the agent leads its board.</summary>
    public bool IsBoardLead { get; init; }
}

/// <summary>A board of the gateway as the sync sees it.</summary>
public sealed record RosterBoard(Guid BoardId, bool IsPaused);

/// <summary>The boards and agents of one gateway, from the read models.</summary>
public interface IGatewayRoster
{
    Task<IReadOnlyList<RosterBoard>> BoardsAsync(Guid gatewayId, CancellationToken ct);

    /// <summary>Every live agent of the gateway, oldest first (the gateway-main agent included).</summary>
    Task<IReadOnlyList<RosterAgent>> AgentsAsync(Guid gatewayId, CancellationToken ct);
}
