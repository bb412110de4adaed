using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>
/// A poll leased the message: delivery number <paramref name="Attempt"/>, invisible to other
/// polls until <paramref name="LeaseExpiresAt"/>, after which it is delivered again unless reported.
/// </summary>
[EventName("agent.inbox_message_delivered")]
public sealed record AgentInboxMessageDelivered(Guid MessageId, int Attempt, DateTimeOffset LeaseExpiresAt, DateTimeOffset At)
    : AgentInboxMessageEvent(MessageId, At);
