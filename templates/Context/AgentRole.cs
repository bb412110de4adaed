namespace MissionControl.Templates.Context;

/// <summary>The kind of agent a workspace is rendered for; it picks templates and API tags.</summary>
public enum AgentRole
{
    /// <summary>A board worker: takes tasks, reports progress.</summary>
    Worker,

    /// <summary>The board lead: plans, delegates and reviews.</summary>
    Lead,

    /// <summary>The single gateway-main agent: looks after a gateway, not a board.</summary>
    GatewayMain,
}
