using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>The board moved to another gateway.</summary>
[EventName("board.gateway_changed")]
public sealed record BoardGatewayChanged(Guid GatewayId, DateTimeOffset At) : BoardEvent(At);
