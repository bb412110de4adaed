namespace MissionControl.Grains.Agents;

/// <summary>Tunables of agent grains (OFFLINE_AFTER and friends). Tests shorten the times.</summary>
public sealed class AgentOptions
{
    /// <summary>An agent silent this long is marked offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = AgentDefaults.OfflineAfter;

    /// <summary>
    /// How often each gateway's offline sweep looks for silent agents, so an offline mark comes
    /// between OFFLINE_AFTER and OFFLINE_AFTER plus this after the last heartbeat. Not below the
    /// cluster's minimum reminder period (one minute unless configured lower).
    /// </summary>
    public TimeSpan OfflineSweepEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Mission Control's public URL, rendered into workspaces so agents can call back.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:8000";

    /// <summary>
    /// An attempt with no recorded step for this long is taken for interrupted (its silo died).
    /// Longer than the gateway retry budget of a single step, so a slow step is not mistaken.
    /// </summary>
    public TimeSpan ProvisionStuckAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Automatic retries in a row after interruptions before the failure is left for a person.</summary>
    public int MaxAutomaticRetries { get; set; } = 2;

    /// <summary>How long a woken agent has to send its first heartbeat.</summary>
    public TimeSpan CheckInWindow { get; set; } = AgentDefaults.CheckInWindow;

    /// <summary>Wakes without a check-in before the agent is marked offline.</summary>
    public int MaxWakeAttempts { get; set; } = AgentDefaults.MaxWakeAttempts;

    /// <summary>
    /// Provisioning runs one silo carries out on one gateway at a time; the rest wait their turn
    /// (first come, first served), so a burst does not pile onto the gateway all at once, and
    /// waits on one gateway never delay another. Enough that creations reach the gateway back to
    /// back (each reloads its config, which costs it less per write when writes come close
    /// together; measured on one real gateway: 4 gave 18 agents/min, 16 gave 27, 32 gave 38).
    /// </summary>
    public int ProvisionsPerGateway { get; set; } = 32;

    /// <summary>PBKDF2 work factor for new agent tokens (tests lower it to save time).</summary>
    public int TokenHashIterations { get; set; } = Security.AgentTokens.DefaultIterations;
}
