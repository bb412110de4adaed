using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>Delivery <paramref name="Attempt"/> was not reported in time; the message is pending again.</summary>
[EventName("agent.inbox_lease_expired")]
public sealed record AgentInboxLeaseExpired(Guid MessageId, int Attempt, DateTimeOffset At)
    : AgentInboxMessageEvent(MessageId, At);
