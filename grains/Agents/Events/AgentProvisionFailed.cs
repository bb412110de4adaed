using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>A provision attempt failed or was abandoned; the agent shows as failed with the error.</summary>
[EventName("agent.provision_failed")]
public sealed record AgentProvisionFailed(
    int Generation,
    string Error,
    DateTimeOffset At) : AgentEvent(At);
