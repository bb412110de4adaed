using MissionControl.Runtime;

namespace MissionControl.Grains.Gateways.Events;

/// <summary>The gateway-main agent was recorded.</summary>
[EventName("gateway.main_agent_assigned")]
public sealed record GatewayMainAgentAssigned(Guid AgentId, DateTimeOffset At) : GatewayEvent(At);
