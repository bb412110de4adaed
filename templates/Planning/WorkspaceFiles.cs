namespace MissionControl.Templates.Planning;

/// <summary>Names of the workspace files and the sets the write rules are built from.</summary>
public static class WorkspaceFiles
{
    /// <summary>Operating manual.</summary>
    public const string Agents = "AGENTS.md";

    /// <summary>Persona.</summary>
    public const string Soul = "SOUL.md";

    /// <summary>Agent-kept mindset for the current task.</summary>
    public const string TaskSoul = "TASK_SOUL.md";

    /// <summary>Agent-kept self description.</summary>
    public const string Self = "SELF.md";

    /// <summary>How far the agent acts alone.</summary>
    public const string Autonomy = "AUTONOMY.md";

    /// <summary>Connection settings (the credentials block).</summary>
    public const string Tools = "TOOLS.md";

    /// <summary>Identity card.</summary>
    public const string Identity = "IDENTITY.md";

    /// <summary>About the human.</summary>
    public const string User = "USER.md";

    /// <summary>Heartbeat routine.</summary>
    public const string Heartbeat = "HEARTBEAT.md";

    /// <summary>What to do when the gateway restarts.</summary>
    public const string Boot = "BOOT.md";

    /// <summary>First-run steps, deleted by the agent when done.</summary>
    public const string Bootstrap = "BOOTSTRAP.md";

    /// <summary>Curated long-term memory.</summary>
    public const string Memory = "MEMORY.md";

    /// <summary>Every file Mission Control can write, in the order it plans them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Agents, Soul, TaskSoul, Self, Autonomy, Tools, Identity, User, Heartbeat, Boot, Bootstrap, Memory,
    ];

    /// <summary>
    /// Files the agent evolves itself: written when absent, never overwritten once the agent has them.
    /// </summary>
    public static IReadOnlySet<string> AgentOwned { get; } =
        new HashSet<string>([Self, User, Memory, TaskSoul], StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="role"/> keeps its own copy of <paramref name="name"/>. The gateway-main
    /// agent's USER.md describes the organization's owner, which Mission Control knows better than
    /// the agent, so it is rewritten every time.
    /// </summary>
    public static bool IsAgentOwned(Context.AgentRole role, string name) =>
        AgentOwned.Contains(name) && !(role == Context.AgentRole.GatewayMain && name == User);

    /// <summary>What today's OpenClaw gateway accepts through <c>agents.files.set</c>.</summary>
    public static IReadOnlySet<string> AcceptedByCurrentGateway { get; } =
        new HashSet<string>([Agents, Soul, Identity, User, Bootstrap, Memory], StringComparer.Ordinal);

    /// <summary>A gateway that accepts every workspace file.</summary>
    public static IReadOnlySet<string> AcceptedByFullGateway { get; } =
        new HashSet<string>(All, StringComparer.Ordinal);
}
