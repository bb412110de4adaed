using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>
/// An inbox key (<c>X-Api-Key</c>) was issued or rotated. Only its keyed hash is recorded; the
/// previous key stops working as soon as this event is projected.
/// </summary>
[EventName("agent.inbox_key_issued")]
public sealed record AgentInboxKeyIssued(string KeyHash, DateTimeOffset At) : AgentEvent(At);
