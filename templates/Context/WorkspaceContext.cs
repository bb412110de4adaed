namespace MissionControl.Templates.Context;

/// <summary>Everything the workspace templates of one agent are rendered from.</summary>
public sealed record WorkspaceContext
{
    /// <summary>Which kind of agent this is.</summary>
    public required AgentRole Role { get; init; }

    /// <summary>Agent display name.</summary>
    public required string AgentName { get; init; }

    /// <summary>Agent id in Mission Control.</summary>
    public required string AgentId { get; init; }

    /// <summary>The agent's gateway session key, e.g. <c>agent:mc-…:main</c>.</summary>
    public required string SessionKey { get; init; }

    /// <summary>The session key of the gateway-main agent of the same gateway.</summary>
    public required string MainSessionKey { get; init; }

    /// <summary>Public base URL of the Mission Control API.</summary>
    public required string BaseUrl { get; init; }

    /// <summary>The agent's raw token; it only ever reaches the agent through rendered files.</summary>
    public required string AuthToken { get; init; }

    /// <summary>Root folder of all workspaces on the gateway.</summary>
    public required string WorkspaceRoot { get; init; }

    /// <summary>This agent's workspace folder.</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>The board; required for leads and workers, ignored for the gateway-main agent.</summary>
    public BoardProfile? Board { get; init; }

    /// <summary>The human the agent serves.</summary>
    public UserProfile User { get; init; } = UserProfile.None;

    /// <summary>The agent's identity profile.</summary>
    public IdentityProfile Identity { get; init; } = new();
}
