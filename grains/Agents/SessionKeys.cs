namespace MissionControl.Grains.Agents;

/// <summary>
/// Gateway session keys. They are deterministic so a retried provision lands on the same
/// gateway session and agent id instead of creating a duplicate.
/// </summary>
public static class SessionKeys
{
    /// <summary>Session of an ordinary board agent: keyed by its own id to avoid name clashes.</summary>
    public static string ForBoardAgent(Guid agentId) => $"agent:mc-{agentId}:main";

    /// <summary>Session of a board lead: keyed by board so a re-created lead reuses it.</summary>
    public static string ForBoardLead(Guid boardId) => $"agent:lead-{boardId}:main";

    /// <summary>Session of a gateway's main agent.</summary>
    public static string ForGatewayMain(Guid gatewayId) => $"agent:mc-gateway-{gatewayId}:main";

    /// <summary>The key an agent with this shape should use.</summary>
    public static string For(Guid agentId, Guid? boardId, Guid gatewayId, bool isBoardLead) => boardId switch
    {
        null => ForGatewayMain(gatewayId),
        { } board when isBoardLead => ForBoardLead(board),
        _ => ForBoardAgent(agentId),
    };

    /// <summary>
    /// The gateway-side agent id: the second segment of an <c>agent:</c> session key.
    /// </summary>
    public static string? AgentKey(string sessionKey)
    {
        var parts = sessionKey.Split(':');
        return parts.Length >= 2 && parts[0] == "agent" && parts[1].Length > 0 ? parts[1] : null;
    }
}
