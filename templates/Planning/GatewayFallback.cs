using MissionControl.Templates.Context;

namespace MissionControl.Templates.Planning;

/// <summary>
/// Where content goes when the gateway refuses TOOLS.md or HEARTBEAT.md: the credentials block and
/// the heartbeat routine move into AGENTS.md, which every gateway accepts and injects into the prompt.
/// </summary>
internal sealed record GatewayFallback(bool CredentialsInAgents, bool HeartbeatInAgents)
{
    public static GatewayFallback For(IReadOnlySet<string> acceptedFiles) => new(
        !acceptedFiles.Contains(WorkspaceFiles.Tools),
        !acceptedFiles.Contains(WorkspaceFiles.Heartbeat));

    public string CredentialsLocation =>
        CredentialsInAgents ? TemplateVariables.CredentialsInAgents : TemplateVariables.CredentialsInTools;

    public string HeartbeatLocation =>
        HeartbeatInAgents ? TemplateVariables.HeartbeatInAgents : TemplateVariables.HeartbeatInOwnFile;

    public string? DetailFor(string fileName) => fileName switch
    {
        WorkspaceFiles.Tools when CredentialsInAgents => "credentials block carried in AGENTS.md",
        WorkspaceFiles.Heartbeat when HeartbeatInAgents => "routine carried in AGENTS.md and the heartbeat prompt",
        _ => null,
    };
}
