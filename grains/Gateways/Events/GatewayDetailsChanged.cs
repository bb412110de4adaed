using MissionControl.Runtime;

namespace MissionControl.Grains.Gateways.Events;

/// <summary>Name or workspace root changed; carries the full new values.</summary>
[EventName("gateway.details_changed")]
public sealed record GatewayDetailsChanged(string Name, string WorkspaceRoot, DateTimeOffset At) : GatewayEvent(At);
