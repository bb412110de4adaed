using MissionControl.Templates.Context;

namespace MissionControl.Templates.Planning;

/// <summary>Which embedded template renders a workspace file for each kind of agent.</summary>
public static class TemplateSelection
{
    /// <summary>The template for the file, or null when the file does not apply to the role.</summary>
    public static string? For(AgentRole role, string fileName) => role switch
    {
        AgentRole.GatewayMain => ForGatewayMain(fileName),
        _ when fileName == WorkspaceFiles.Heartbeat =>
            role == AgentRole.Lead ? "HEARTBEAT_LEAD.md" : "HEARTBEAT_AGENT.md",
        _ => fileName,
    };

    // The gateway-main agent manages the gateway rather than a board: it has its own manual,
    // routine, boot steps and view of the user, and no board tasks to keep a task soul for.
    private static string? ForGatewayMain(string fileName) => fileName switch
    {
        WorkspaceFiles.Agents or WorkspaceFiles.Heartbeat or WorkspaceFiles.User
            or WorkspaceFiles.Boot or WorkspaceFiles.Tools => "MAIN_" + fileName,
        WorkspaceFiles.TaskSoul => null,
        _ => fileName,
    };
}
