namespace MissionControl.Templates.Planning;

/// <summary>Why the workspace is being written.</summary>
public enum ProvisionAction
{
    /// <summary>First provisioning of the agent.</summary>
    Provision,

    /// <summary>Re-provisioning or a template sync of an existing agent.</summary>
    Update,
}
