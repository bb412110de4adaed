using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>
/// The agent moved: to another board, or between board scope and gateway-main
/// (<paramref name="BoardId"/> null). Carries the resulting session key.
/// </summary>
[EventName("agent.scope_changed")]
public sealed record AgentScopeChanged(
    Guid? BoardId,
    Guid GatewayId,
    bool IsBoardLead,
    string SessionKey,
    DateTimeOffset At) : AgentEvent(At);
