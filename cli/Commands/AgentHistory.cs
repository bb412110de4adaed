using System.CommandLine;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;
using Spectre.Console;

namespace MissionControl.Cli.Commands;

/// <summary><c>mc agents history &lt;id&gt;</c>: the agent's latest events, oldest first.</summary>
public static class AgentHistory
{
    private const int DetailWidth = 100;

    public static Command Build(GlobalOptions globals)
    {
        var id = new Argument<Guid>("agent-id") { Description = "The agent's id" };
        var last = new Option<int>("--last") { Description = "How many of the latest events (1 to 200)", DefaultValueFactory = _ => 50 };
        last.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 200)
                result.AddError("--last must be between 1 and 200");
        });
        var command = new Command("history", "What happened to an agent: provisioning steps, heartbeats, changes, failures") { id, last };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var path = $"/api/v1/agents/{call.Value(id)}/events";
            var total = (await call.Api.GetAsync($"{path}?limit=1", ct)).GetProperty("total").GetInt64();
            var count = call.Value(last);
            var page = await call.Api.GetAsync($"{path}?limit={count}&offset={Math.Max(0, total - count)}", ct);
            var events = page.GetProperty("items").EnumerateArray().ToList();
            if (call.Screen.Json)
            {
                call.Screen.PrintJson(Listing.AsArray(events));
                return;
            }
            var table = Screen.Table("#", "AT", "EVENT", "BY", "DETAILS");
            foreach (var item in events.Select(McJson.Read<HistoryItem>))
            {
                table.AddRow(Cells.Plain(item.Version.ToString()), Cells.Plain(Cells.Time(item.OccurredAt)), Cells.Plain(item.Type),
                    Cells.Plain(item.Actor), Cells.Plain(Shorten(item.Data.GetRawText())));
            }
            Listing.Show(call.Screen, table, events.Count, "event");
        }));
        return command;
    }

    private static string Shorten(string text) => text.Length <= DetailWidth ? text : text[..(DetailWidth - 1)] + "…";
}
