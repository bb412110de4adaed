using MissionControl.Templates.Context;
using TemplateIdentity = MissionControl.Templates.Context.IdentityProfile;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>Builds the template context of one agent from its state and surroundings.</summary>
public static class WorkspaceContextFactory
{
    /// <summary>The context the workspace files are rendered from.</summary>
    public static WorkspaceContext For(AgentState agent, AgentSurroundings around, string token, string baseUrl, string workspacePath) => new()
    {
        Role = RoleOf(agent),
        AgentName = agent.Name,
        AgentId = agent.Id.ToString(),
        SessionKey = agent.SessionKey,
        MainSessionKey = SessionKeys.ForGatewayMain(agent.GatewayId),
        BaseUrl = baseUrl,
        AuthToken = token,
        WorkspaceRoot = around.Gateway.WorkspaceRoot,
        WorkspacePath = workspacePath,
        Board = around.Board,
        User = around.User,
        Identity = IdentityOf(agent.IdentityProfile),
    };

    /// <summary>Which templates the agent gets.</summary>
    public static AgentRole RoleOf(AgentState agent) => RoleOf(agent.IsGatewayMain, agent.IsBoardLead);

    /// <summary>Gateway-main outranks lead; everyone else works a board.</summary>
    public static AgentRole RoleOf(bool isGatewayMain, bool isBoardLead) =>
        isGatewayMain ? AgentRole.GatewayMain : isBoardLead ? AgentRole.Lead : AgentRole.Worker;

    /// <summary>The identity profile with the template defaults under blank fields.</summary>
    public static TemplateIdentity IdentityOf(IReadOnlyDictionary<string, string>? profile)
    {
        string Get(string key, string fallback = "") =>
            profile is not null && profile.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : fallback;

        return new TemplateIdentity
        {
            Role = Get("role", TemplateIdentity.DefaultRole),
            CommunicationStyle = Get("communication_style", TemplateIdentity.DefaultCommunicationStyle),
            Emoji = Get("emoji", TemplateIdentity.DefaultEmoji),
            AutonomyLevel = Get("autonomy_level"),
            Verbosity = Get("verbosity"),
            OutputFormat = Get("output_format"),
            UpdateCadence = Get("update_cadence"),
            Purpose = Get("purpose"),
            Personality = Get("personality"),
            CustomInstructions = Get("custom_instructions"),
        };
    }
}
