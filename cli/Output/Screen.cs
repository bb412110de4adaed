using System.Text.Json;
using MissionControl.Cli.Http;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MissionControl.Cli.Output;

/// <summary>
/// Where a command writes: tables and lines for people, or with <c>--json</c> the service's JSON
/// as it came, for scripts. Colour and live progress only on a terminal.
/// </summary>
public sealed class Screen
{
    // Redirected output is read by programs and pasted into tickets: wide enough that ids never wrap.
    private const int RedirectedWidth = 200;
    private readonly McEnvironment _environment;

    public Screen(McEnvironment environment, bool json)
    {
        _environment = environment;
        Json = json;
        var terminal = environment.OutIsTerminal;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(environment.Out),
        });
        if (!terminal)
            Console.Profile.Width = RedirectedWidth;
    }

    /// <summary>Whether the caller asked for JSON (<c>--json</c>).</summary>
    public bool Json { get; }

    public IAnsiConsole Console { get; }

    public bool IsTerminal => _environment.OutIsTerminal;

    public void PrintJson(JsonElement element) => _environment.Out.WriteLine(McJson.Print(element));

    /// <summary>One line of JSON: for streams, one value per line.</summary>
    public void PrintJsonLine(JsonElement element) => _environment.Out.WriteLine(element.GetRawText());

    public void Line(string text) => Console.WriteLine(Cells.Printable(text));

    public void Write(IRenderable renderable) => Console.Write(renderable);

    /// <summary>A table with the given headers; cells are plain text (never markup).</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
            table.AddColumn(new TableColumn(header).NoWrap());
        return table;
    }

    /// <summary>Label and value pairs, one per line.</summary>
    public static Grid Details(IEnumerable<(string Label, string Value)> rows)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (label, value) in rows)
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(Cells.Printable(value)));
        return grid;
    }
}
