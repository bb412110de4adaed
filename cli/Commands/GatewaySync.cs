using System.CommandLine;
using System.Net.ServerSentEvents;
using System.Text.Json;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;
using Spectre.Console;

namespace MissionControl.Cli.Commands;

/// <summary>
/// <c>mc gateways sync &lt;id&gt;</c>: rewrites the gateway's agent workspaces from the current
/// templates, following the run's progress, then shows the result. Exits 1 when an agent could
/// not be updated.
/// </summary>
public static class GatewaySync
{
    public static Command Build(GlobalOptions globals)
    {
        var id = new Argument<Guid>("gateway-id") { Description = "The gateway's id" };
        var switches = new Dictionary<string, Option<bool>>
        {
            ["lead_only"] = new("--lead-only") { Description = "Only board leads (and the main agent)" },
            ["reset_sessions"] = new("--reset-sessions") { Description = "Reset each agent's session after writing its files" },
            ["rotate_tokens"] = new("--rotate-tokens") { Description = "Mint new tokens where the workspace's token is missing or wrong" },
            ["force_bootstrap"] = new("--force-bootstrap") { Description = "Rewrite BOOTSTRAP.md for every agent" },
            ["overwrite"] = new("--overwrite") { Description = "Rewrite the files agents keep as their own (USER.md, MEMORY.md, ...)" },
        };
        var noMain = new Option<bool>("--no-main") { Description = "Leave the gateway's main agent out" };
        var board = new Option<Guid?>("--board") { Description = "Only this board's agents" };
        var command = new Command("sync", "Rewrite the gateway's agent workspaces from the current templates") { id, noMain, board };
        foreach (var option in switches.Values)
            command.Add(option);

        command.SetAction(globals.Run(async (call, ct) =>
        {
            var query = new List<string> { $"include_main={(call.Value(noMain) ? "false" : "true")}" };
            query.AddRange(switches.Where(pair => call.Value(pair.Value)).Select(pair => $"{pair.Key}=true"));
            if (call.Value(board) is { } boardId)
                query.Add($"board_id={boardId}");
            var frames = call.Api.StreamAsync(HttpMethod.Post, $"/api/v1/gateways/{call.Value(id)}/templates/sync?{string.Join('&', query)}", ct);
            var followed = new List<SyncAgent>();
            var last = call.Screen.IsTerminal && !call.Screen.Json
                ? await FollowWithBarAsync(call.Screen, frames, followed)
                : await FollowWithLinesAsync(call.Screen, frames, followed);
            if (last is not { } final || !McJson.Read<SyncProgress>(final).Finished)
                throw new McFailure(ExitCodes.Refused, "the sync's stream ended before its result; see the gateway's history");
            var result = McJson.Read<SyncProgress>(final).Result;
            if (call.Screen.Json)
                call.Screen.PrintJson(final.GetProperty("result"));
            else
                PrintResult(call.Screen, result, followed);
            return result.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.Refused;
        }));
        return command;
    }

    private static async Task<JsonElement?> FollowWithBarAsync(Screen screen, IAsyncEnumerable<SseItem<string>> frames, List<SyncAgent> followed)
    {
        JsonElement? last = null;
        await screen.Console.Progress().StartAsync(async context =>
        {
            var bar = context.AddTask("Syncing agents", maxValue: 1);
            await foreach (var frame in frames)
            {
                last = ParseFrame(frame);
                var progress = McJson.Read<SyncProgress>(last.Value);
                if (progress.Agent is { } agent)
                    followed.Add(agent);
                bar.MaxValue = Math.Max(1, progress.AgentsTotal);
                bar.Value = progress.AgentsTotal == 0 ? 1 : progress.AgentsDone;
            }
        });
        return last;
    }

    // Without a terminal the bar would be noise: one line per agent done, for logs (none with --json).
    private static async Task<JsonElement?> FollowWithLinesAsync(Screen screen, IAsyncEnumerable<SseItem<string>> frames, List<SyncAgent> followed)
    {
        JsonElement? last = null;
        await foreach (var frame in frames)
        {
            last = ParseFrame(frame);
            var progress = McJson.Read<SyncProgress>(last.Value);
            if (progress.Agent is not { } agent)
                continue;
            followed.Add(agent);
            if (!screen.Json)
                screen.Line($"{progress.AgentsDone}/{progress.AgentsTotal} {agent.AgentName}: {agent.Said}");
        }
        return last;
    }

    private static JsonElement ParseFrame(SseItem<string> frame)
    {
        using var document = JsonDocument.Parse(frame.Data);
        return document.RootElement.Clone();
    }

    private static void PrintResult(Screen screen, SyncResult result, List<SyncAgent> followed)
    {
        screen.Write(Screen.Details(
        [
            ("agents updated", result.AgentsUpdated.ToString()),
            ("agents skipped", result.AgentsSkipped.ToString()),
            ("main agent updated", Cells.YesNo(result.MainUpdated)),
            ("errors", result.Errors.Count.ToString()),
        ]));
        // An error without an agent stopped the whole run (the gateway went away).
        foreach (var stop in result.Errors.Where(error => error.AgentId is null))
            screen.Line($"The run stopped: {stop.Message}");
        if (followed.Count == 0)
            return;
        var agents = Screen.Table("AGENT", "NAME", "BOARD", "RESULT");
        foreach (var agent in followed)
            agents.AddRow(Cells.Plain(agent.AgentId.ToString()), Cells.Plain(agent.AgentName), Cells.Plain(agent.BoardId?.ToString()), Cells.Plain(agent.Said));
        screen.Write(agents);
    }
}
