namespace MissionControl.Templates.Planning;

/// <summary>What the gateway and the agent's settings say, as gathered by the caller before planning.</summary>
/// <param name="Action">Provision or update.</param>
/// <param name="AcceptedFiles">File names the gateway accepts; anything else is skipped.</param>
/// <param name="ExistingFiles">The agent's files as the gateway lists them.</param>
public sealed record WorkspaceInputs(
    ProvisionAction Action,
    IReadOnlySet<string> AcceptedFiles,
    IReadOnlyList<ExistingFile> ExistingFiles)
{
    /// <summary>Write BOOTSTRAP.md even on an update, to run first-run steps again.</summary>
    public bool ForceBootstrap { get; init; }

    /// <summary>Rewrite the files the agent otherwise keeps as its own once it has them (USER.md, MEMORY.md, ...).</summary>
    public bool Overwrite { get; init; }

    /// <summary>User-supplied Handlebars source that replaces IDENTITY.md; blank means none.</summary>
    public string? IdentityTemplate { get; init; }

    /// <summary>User-supplied Handlebars source that replaces SOUL.md; blank means none.</summary>
    public string? SoulTemplate { get; init; }

    /// <summary>True when the gateway lists the file and does not mark it missing.</summary>
    public bool AgentHas(string name) =>
        ExistingFiles.Any(file => file.Name.Trim() == name && !file.Missing);
}
