namespace MissionControl.Templates.Planning;

/// <summary>Why a workspace file is not written.</summary>
public enum SkipReason
{
    /// <summary>The gateway does not accept this file name.</summary>
    UnsupportedByGateway,

    /// <summary>The agent already has its own copy of a file it owns.</summary>
    AgentOwnsExistingFile,

    /// <summary>BOOTSTRAP.md on an update where the agent finished its first run.</summary>
    BootstrapNotNeeded,

    /// <summary>The template rendered to nothing.</summary>
    EmptyRender,

    /// <summary>The file does not apply to this kind of agent.</summary>
    NotForRole,
}
