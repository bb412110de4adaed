using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>One gateway call of a provision attempt finished: what was sent and what came back, in brief.</summary>
[EventName("agent.provision_step_recorded")]
public sealed record AgentProvisionStepRecorded(
    int Generation,
    string Step,
    string Sent,
    string Answer,
    DateTimeOffset At) : AgentEvent(At);
