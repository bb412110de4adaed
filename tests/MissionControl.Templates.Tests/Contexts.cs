using MissionControl.Templates.Context;
using MissionControl.Templates.Planning;

namespace MissionControl.Templates.Tests;

/// <summary>Sample contexts and inputs shared by the tests.</summary>
internal static class Contexts
{
    public const string Token = "tok_Abc123-secret_value";
    public const string BaseUrl = "https://mc.example.test";

    public static WorkspaceContext For(AgentRole role) => role switch
    {
        AgentRole.Lead => Lead(),
        AgentRole.GatewayMain => GatewayMain(),
        _ => Worker(),
    };

    public static WorkspaceContext Worker() => Board(AgentRole.Worker, "Builder Bee", "mc-7d1e");

    public static WorkspaceContext Lead() => Board(AgentRole.Lead, "Lead Agent", "lead-b0a2");

    public static WorkspaceContext GatewayMain() => new()
    {
        Role = AgentRole.GatewayMain,
        AgentName = "Home Gateway Agent",
        AgentId = "a-main-1",
        SessionKey = "agent:mc-gateway-g1:main",
        MainSessionKey = "agent:mc-gateway-g1:main",
        BaseUrl = BaseUrl,
        AuthToken = Token,
        WorkspaceRoot = "/srv/openclaw",
        WorkspacePath = "/srv/openclaw/workspace-gateway-g1",
        User = SampleUser(),
        Identity = new IdentityProfile { Role = "Gateway Agent", Emoji = ":compass:" },
    };

    /// <summary>A context whose free-text fields are each ten thousand characters long.</summary>
    public static WorkspaceContext WithLargeInputs(WorkspaceContext context)
    {
        var large = new string('x', 10_000) + " <&> end";
        return context with
        {
            User = new UserProfile
            {
                Name = large, PreferredName = large, Pronouns = large, Timezone = large, Notes = large, Context = large,
            },
            Identity = new IdentityProfile
            {
                Role = large, CommunicationStyle = large, Emoji = large, AutonomyLevel = large, Verbosity = large,
                OutputFormat = large, UpdateCadence = large, Purpose = large, Personality = large,
                CustomInstructions = large,
            },
            Board = context.Board is null ? null : context.Board with
            {
                Objective = large, SuccessMetricsJson = "{\"m\":\"" + large + "\"}", TargetDate = large,
            },
        };
    }

    public static WorkspaceInputs Provision(IReadOnlySet<string>? accepted = null, params ExistingFile[] existing) =>
        new(ProvisionAction.Provision, accepted ?? WorkspaceFiles.AcceptedByFullGateway, existing);

    public static WorkspaceInputs Update(IReadOnlySet<string>? accepted = null, params ExistingFile[] existing) =>
        new(ProvisionAction.Update, accepted ?? WorkspaceFiles.AcceptedByFullGateway, existing);

    private static WorkspaceContext Board(AgentRole role, string name, string key) => new()
    {
        Role = role,
        AgentName = name,
        AgentId = "a-" + key,
        SessionKey = $"agent:{key}:main",
        MainSessionKey = "agent:mc-gateway-g1:main",
        BaseUrl = BaseUrl + "/",
        AuthToken = Token,
        WorkspaceRoot = "/srv/openclaw",
        WorkspacePath = "/srv/openclaw/workspace-" + key,
        Board = new BoardProfile(
            "b0a2", "Launch & Grow", "goal", "Ship v1", "{\"signups\":100}", "2026-12-01", false, new BoardRules()),
        User = SampleUser(),
        Identity = new IdentityProfile { Role = role == AgentRole.Lead ? "Board Lead" : "Engineer" },
    };

    private static UserProfile SampleUser() => new()
    {
        Name = "Sam Rivera", PreferredName = "Sam R", Pronouns = "they/them", Timezone = "Europe/Berlin",
        Notes = "Prefers <short> updates & bullet points.", Context = "Runs a small studio.",
    };
}
