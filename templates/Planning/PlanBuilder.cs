namespace MissionControl.Templates.Planning;

/// <summary>Collects a plan's parts while the planner walks the workspace files.</summary>
internal sealed class PlanBuilder
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly List<SkippedFile> _skipped = [];
    private readonly List<string> _warnings = [];

    public string? HeartbeatPrompt { get; set; }

    public IReadOnlyDictionary<string, string> Files => _files;

    public void Write(string name, string content) => _files[name] = content;

    public void Skip(SkippedFile skipped) => _skipped.Add(skipped);

    public void Warn(string warning) => _warnings.Add(warning);

    /// <summary>Stores the content cut to the size budget, with a warning when it had to be cut.</summary>
    public void WriteWithinBudget(string name, string content)
    {
        var (text, wasCut) = WorkspaceBudget.Fit(content);
        if (wasCut)
        {
            Warn($"{name} was cut to {WorkspaceBudget.MaxFileChars} characters.");
        }

        Write(name, text);
    }

    public WorkspacePlan Build() => new(
        new Dictionary<string, string>(_files, StringComparer.Ordinal), HeartbeatPrompt, [.. _skipped], [.. _warnings]);
}
