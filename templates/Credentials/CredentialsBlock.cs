using System.Text.RegularExpressions;

namespace MissionControl.Templates.Credentials;

/// <summary>
/// The <c>KEY=value</c> connection settings written into an agent's workspace (TOOLS.md, or a
/// delimited section of AGENTS.md on gateways that refuse TOOLS.md) and read back by a later
/// template sync to recover the agent's token.
/// </summary>
public sealed partial record CredentialsBlock(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Line that opens the block; must match the <c>credentials</c> partial.</summary>
    public const string BeginMarker = "<!-- mission-control:credentials:begin -->";

    /// <summary>Line that closes the block.</summary>
    public const string EndMarker = "<!-- mission-control:credentials:end -->";

    /// <summary>Mission Control's base URL.</summary>
    public string? BaseUrl => Get("BASE_URL");

    /// <summary>The agent's token.</summary>
    public string? AuthToken => Get("AUTH_TOKEN");

    /// <summary>The agent's name.</summary>
    public string? AgentName => Get("AGENT_NAME");

    /// <summary>The agent's id.</summary>
    public string? AgentId => Get("AGENT_ID");

    /// <summary>The board id (absent for the gateway-main agent).</summary>
    public string? BoardId => Get("BOARD_ID");

    /// <summary>Root folder of the gateway's workspaces.</summary>
    public string? WorkspaceRoot => Get("WORKSPACE_ROOT");

    /// <summary>The agent's workspace folder.</summary>
    public string? WorkspacePath => Get("WORKSPACE_PATH");

    /// <summary>
    /// Reads the settings from a file's content. When the content has a delimited block only that
    /// block is read, so stray <c>KEY=value</c> text elsewhere in AGENTS.md cannot leak in; otherwise the
    /// whole content is read, which also accepts a plain TOOLS.md written without markers.
    /// The first occurrence of a key wins: the template writes AUTH_TOKEN before any free-text value,
    /// so a name containing a line break cannot smuggle in a second token.
    /// </summary>
    public static CredentialsBlock Parse(string? content)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in CandidateLines(content ?? ""))
        {
            var match = KeyValueLine().Match(Unwrap(line));
            if (match.Success)
            {
                values.TryAdd(match.Groups["key"].Value, match.Groups["value"].Value.Trim());
            }
        }

        return new CredentialsBlock(values);
    }

    /// <summary>The token in the content, or null when there is none or it is blank.</summary>
    public static string? ReadAuthToken(string? content) => Parse(content).AuthToken;

    private string? Get(string key) =>
        Values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static IEnumerable<string> CandidateLines(string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var begin = Array.FindIndex(lines, line => line.Trim() == BeginMarker);
        if (begin < 0)
        {
            return lines;
        }

        var end = Array.FindIndex(lines, begin + 1, line => line.Trim() == EndMarker);
        return lines[(begin + 1)..(end < 0 ? lines.Length : end)];
    }

    // Accepts the forms people write by hand too: "- `KEY=value`" or "export KEY=value".
    private static string Unwrap(string line)
    {
        var text = line.Trim();
        if (text.StartsWith("- ", StringComparison.Ordinal) || text.StartsWith("* ", StringComparison.Ordinal))
        {
            text = text[2..].Trim();
        }

        if (text.StartsWith("export ", StringComparison.Ordinal))
        {
            text = text["export ".Length..].Trim();
        }

        return text.Length >= 2 && text[0] == '`' && text[^1] == '`' ? text[1..^1] : text;
    }

    [GeneratedRegex("^(?<key>[A-Z][A-Z0-9_]*)=(?<value>.*)$")]
    private static partial Regex KeyValueLine();
}
