using MissionControl.Templates.Planning;

namespace MissionControl.Templates.Credentials;

/// <summary>Which workspace file holds an agent's credentials block on a given gateway.</summary>
public static class CredentialsLocation
{
    /// <summary>
    /// The files to read, in order, when recovering an agent's token: TOOLS.md where the gateway
    /// keeps it, then AGENTS.md, which carries the block when TOOLS.md is refused.
    /// </summary>
    public static IReadOnlyList<string> FilesToRead(IReadOnlySet<string> acceptedFiles)
    {
        ArgumentNullException.ThrowIfNull(acceptedFiles);
        return acceptedFiles.Contains(WorkspaceFiles.Tools)
            ? [WorkspaceFiles.Tools, WorkspaceFiles.Agents]
            : [WorkspaceFiles.Agents];
    }
}
