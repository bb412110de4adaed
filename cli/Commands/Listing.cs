using System.Text.Json;
using MissionControl.Cli.Output;
using Spectre.Console;

namespace MissionControl.Cli.Commands;

/// <summary>How a list command ends: the table, or a line saying there is nothing.</summary>
public static class Listing
{
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
