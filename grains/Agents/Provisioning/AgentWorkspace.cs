using System.Text.RegularExpressions;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>Where an agent lives on its gateway: its gateway-side id and workspace folder.</summary>
public static partial class AgentWorkspace
{
    /// <summary>The gateway-side agent id: <c>mc-&lt;agent id&gt;</c>, <c>lead-&lt;board id&gt;</c> or <c>mc-gateway-&lt;gateway id&gt;</c>.</summary>
    public static string GatewayAgentId(AgentState agent) =>
        SessionKeys.AgentKey(agent.SessionKey)
        ?? throw new InvalidOperationException($"Agent {agent.Id} has no usable session key.");

    /// <summary>
    /// The workspace folder under the gateway's root, named after the gateway-side id (not the
    /// display name), so two boards' "Lead Agent"s never share a folder.
    /// </summary>
    public static string PathFor(string workspaceRoot, string gatewayAgentId)
    {
        var root = workspaceRoot.TrimEnd('/');
        if (root.Length == 0)
        {
            throw Common.DomainError.Validation("gateway workspace_root is required");
        }

        return $"{root}/workspace-{Slug(gatewayAgentId)}";
    }

    private static string Slug(string value)
    {
        var slug = NotSlugSafe().Replace(value.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 0 ? slug : "agent";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlugSafe();
}
