using MissionControl.Grains.Common;
using MissionControl.Templates.Context;
using MissionControl.Templates.Planning;
using MissionControl.Templates.Rendering;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>
/// Compiles an agent's own IDENTITY.md / SOUL.md template against sample values before anything is
/// recorded, so a broken template is refused up front (422) instead of failing a provision later.
/// </summary>
public static class TemplateOverrideCheck
{
    /// <exception cref="DomainException">A template does not compile or uses an unknown variable.</exception>
    public static void Validate(AgentRole role, string? identityTemplate, string? soulTemplate)
    {
        if (string.IsNullOrWhiteSpace(identityTemplate) && string.IsNullOrWhiteSpace(soulTemplate))
        {
            return;
        }

        var variables = TemplateVariables.From(Sample(role));
        Check(WorkspaceFiles.Identity, identityTemplate, variables);
        Check(WorkspaceFiles.Soul, soulTemplate, variables);
    }

    private static void Check(string name, string? source, IReadOnlyDictionary<string, object> variables)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return;
        }

        try
        {
            WorkspaceRenderer.RenderOverride(name, source, variables);
        }
        catch (TemplateValidationException ex)
        {
            throw DomainError.Validation(ex.Message);
        }
    }

    private static WorkspaceContext Sample(AgentRole role) => new()
    {
        Role = role,
        AgentName = "sample",
        AgentId = Guid.Empty.ToString(),
        SessionKey = "agent:sample:main",
        MainSessionKey = "agent:sample-main:main",
        BaseUrl = "http://localhost",
        AuthToken = "sample",
        WorkspaceRoot = "/workspaces",
        WorkspacePath = "/workspaces/sample",
        Board = role == AgentRole.GatewayMain
            ? null
            : new BoardProfile(Guid.Empty.ToString(), "sample", "general", "", "{}", "", false, new BoardRules()),
    };
}
