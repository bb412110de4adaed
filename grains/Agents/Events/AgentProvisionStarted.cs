using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>A provision or update attempt began; until it completes or fails it is visibly in progress.</summary>
[EventName("agent.provision_started")]
public sealed record AgentProvisionStarted(
    int Generation,
    string Action,
    bool ForceBootstrap,
    bool Wake,
    DateTimeOffset At) : AgentEvent(At)
{
    /// <summary>How many automatic retries in a row this attempt is (0: asked for by someone).</summary>
    public int AutoRetry { get; init; }

    /// <summary>Reset the agent's gateway session once the files are written.</summary>
    public bool ResetSession { get; init; }

    /// <summary>Rewrite the files the agent otherwise keeps as its own (added later; absent means false).</summary>
    public bool Overwrite { get; init; }
}
