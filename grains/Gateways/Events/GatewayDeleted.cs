using MissionControl.Runtime;

namespace MissionControl.Grains.Gateways.Events;

/// <summary>The gateway was deleted.</summary>
[EventName("gateway.deleted")]
public sealed record GatewayDeleted(DateTimeOffset At) : GatewayEvent(At);
