namespace MissionControl.Grains.Gateways.Events;

/// <summary>Base of every event in a gateway's stream.</summary>
public abstract record GatewayEvent(DateTimeOffset At);
