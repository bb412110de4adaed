namespace MissionControl.Templates.Planning;

/// <summary>When BOOTSTRAP.md (the first-run steps) is written.</summary>
public static class BootstrapRule
{
    /// <summary>
    /// On first provisioning, when a bootstrap is forced, or while the agent still has the file.
    /// The gateway stops listing BOOTSTRAP.md once the agent has finished onboarding, so an unlisted
    /// file means "done" and rewriting it would send the agent through its first run again.
    /// </summary>
    public static bool ShouldWrite(WorkspaceInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.Action == ProvisionAction.Provision
            || inputs.ForceBootstrap
            || inputs.AgentHas(WorkspaceFiles.Bootstrap);
    }
}
