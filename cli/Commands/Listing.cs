using System.Text.Json;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MissionControl.Cli.Commands;

/// <summary>How a list command ends: the table, or a line saying there is nothing.</summary>
public static class Listing
{
    /// <summary>
    /// Every item at <paramref name="path"/>: the service's JSON with <c>--json</c>, else a table
    /// of <paramref name="headers"/> with a row per item.
    /// </summary>
    public static async Task ListAsync<T>(
        Call call, string path, string noun, string[] headers, Func<T, IRenderable[]> row, CancellationToken ct)
    {
        var items = await call.Api.ListAllAsync(path, ct);
        if (call.Screen.Json)
        {
            call.Screen.PrintJson(AsArray(items));
            return;
        }
        var table = Screen.Table(headers);
        foreach (var item in items.Select(McJson.Read<T>))
            table.AddRow(row(item));
        Show(call.Screen, table, items.Count, noun);
    }

    public static JsonElement AsArray(IEnumerable<JsonElement> items) => JsonSerializer.SerializeToElement(items.ToList());

    public static void Show(Screen screen, Table table, int count, string noun)
    {
        if (count == 0)
        {
            screen.Line($"No {noun}s.");
            return;
        }
        screen.Write(table);
    }
}
