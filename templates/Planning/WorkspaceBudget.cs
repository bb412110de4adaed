namespace MissionControl.Templates.Planning;

/// <summary>Size limit for the files that carry an agent's routine and credentials.</summary>
public static class WorkspaceBudget
{
    /// <summary>
    /// Longest file, in characters. The gateway cuts longer workspace files when it injects them into
    /// the agent's prompt, and a routine cut at an arbitrary point is worse than one cut on purpose.
    /// </summary>
    public const int MaxFileChars = 20_000;

    /// <summary>Line that ends a text cut to fit.</summary>
    public const string CutNotice = "[cut to fit the workspace file size limit]";

    /// <summary>Returns the text unchanged when it fits, else cut at a line break and marked as cut.</summary>
    public static (string Text, bool WasCut) Fit(string text, int maxChars = MaxFileChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxChars)
        {
            return (text, false);
        }

        if (maxChars <= CutNotice.Length + 1)
        {
            return (text[..Math.Max(0, maxChars)], true);
        }

        var room = maxChars - CutNotice.Length - 1;
        var kept = text[..room];
        var lastBreak = kept.LastIndexOf('\n');
        if (lastBreak > room / 2)
        {
            kept = kept[..lastBreak];
        }

        return (kept + "\n" + CutNotice, true);
    }
}
