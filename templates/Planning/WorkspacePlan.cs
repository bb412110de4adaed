namespace MissionControl.Templates.Planning;

/// <summary>A file left out of the plan, and why.</summary>
/// <param name="Name">Workspace file name.</param>
/// <param name="Reason">Why it is not written.</param>
/// <param name="Detail">Extra explanation, e.g. where its content went instead.</param>
public sealed record SkippedFile(string Name, SkipReason Reason, string? Detail = null);

/// <summary>What to write to an agent's workspace on its gateway.</summary>
/// <param name="Files">File name to content, each to be written with <c>agents.files.set</c>.</param>
/// <param name="HeartbeatPrompt">
/// Text for the heartbeat config's <c>prompt</c> when the gateway keeps no HEARTBEAT.md; null means
/// keep the gateway's default prompt, which reads HEARTBEAT.md.
/// </param>
/// <param name="Skipped">Files not written, with reasons.</param>
/// <param name="Warnings">Things the operator should know, e.g. a file cut to fit its size budget.</param>
public sealed record WorkspacePlan(
    IReadOnlyDictionary<string, string> Files,
    string? HeartbeatPrompt,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<string> Warnings);
