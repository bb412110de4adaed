using Spectre.Console;
using Spectre.Console.Rendering;

namespace MissionControl.Cli.Output;

/// <summary>How values read in a table cell.</summary>
public static class Cells
{
    public static IRenderable Plain(string? text) => new Text(Printable(text ?? "-"));

    /// <summary>
    /// The text with control characters shown as '?': agents write some of what is shown, and a
    /// terminal would obey escape sequences in it.
    /// </summary>
    public static string Printable(string text) =>
        text.Any(char.IsControl) ? new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]) : text;

    /// <summary>An agent's status, coloured where colour is shown.</summary>
    public static IRenderable Status(string status) => new Text(Printable(status), new Style(StatusColour(status)));

    public static string Time(DateTimeOffset? at) => at is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'") : "-";

    public static string YesNo(bool value) => value ? "yes" : "no";

    private static Color StatusColour(string status) => status switch
    {
        "online" => Color.Green,
        "offline" => Color.Grey,
        "provisioning" or "updating" => Color.Yellow,
        "failed" => Color.Red,
        "deleting" or "deleted" => Color.Grey,
        _ => Color.Default,
    };
}
