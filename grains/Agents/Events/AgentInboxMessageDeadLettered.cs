using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>
/// The message was delivered <paramref name="Deliveries"/> times without a report and is no longer
/// delivered; operators see it in the agent's inbox listing with <paramref name="Reason"/>.
/// </summary>
[EventName("agent.inbox_message_dead_lettered")]
public sealed record AgentInboxMessageDeadLettered(Guid MessageId, int Deliveries, string Reason, DateTimeOffset At)
    : AgentInboxMessageEvent(MessageId, At);
