namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>The chat messages Mission Control sends to agents during their lifecycle.</summary>
public static class AgentMessages
{
    /// <summary>Sent after a provision or update so the agent starts (again) from its new files.</summary>
    public static string Wake(string agentName, string action)
    {
        var what = action == ProvisionAction.Provision ? "set up" : "updated";
        return $"Hello {agentName}. Mission Control has just {what} your workspace.\n\n"
            + "Read AGENTS.md and BOOT.md now. If BOOTSTRAP.md is there, follow it once and delete it. "
            + "Then start your heartbeat routine so Mission Control sees you online.";
    }

    /// <summary>Sent to the gateway-main agent when another agent of its gateway is deleted.</summary>
    public static string WorkspaceCleanup(string agentName, string workspacePath) =>
        $"Mission Control deleted the agent {agentName}. Its workspace at {workspacePath} is no longer used; "
        + "remove it when convenient, and keep nothing from it that holds credentials.";
}
