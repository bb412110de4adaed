using System.Text.RegularExpressions;

namespace MissionControl.Grains.Common;

/// <summary>
/// <c>@handle</c> mentions in chat and comments. A handle is one word (letters, digits, <c>_</c>,
/// <c>-</c>, starting with a letter); it names an agent when it equals the agent's name or its
/// first word, ignoring case, and <c>@lead</c> names the board lead.
/// </summary>
public static partial class Mentions
{
    /// <summary>The lower-cased handles mentioned in <paramref name="text"/>.</summary>
    public static IReadOnlySet<string> Extract(string? text) =>
        text is null
            ? new HashSet<string>()
            : Handle().Matches(text).Select(match => match.Groups[1].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="handles"/> name the agent called <paramref name="agentName"/>.</summary>
    public static bool Names(IReadOnlySet<string> handles, string agentName, bool isBoardLead)
    {
        if (handles.Count == 0)
            return false;
        if (isBoardLead && handles.Contains("lead"))
            return true;
        var name = agentName.Trim().ToLowerInvariant();
        var firstWord = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
        return handles.Contains(name) || handles.Contains(firstWord);
    }

    [GeneratedRegex(@"@([A-Za-z][\w-]{0,31})")]
    private static partial Regex Handle();
}
