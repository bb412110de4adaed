using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;

namespace MissionControl.Cli.Commands;

/// <summary>
/// <c>mc watch</c>: a line for each agent that appears or changes status, as it happens, until
/// Ctrl+C (or <c>--count</c> changes). With <c>--json</c>, each changed agent as one JSON line.
/// </summary>
public static class WatchCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var board = new Option<Guid?>("--board") { Description = "Only this board's agents" };
        var count = new Option<int?>("--count") { Description = "Stop after this many changes" };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
                result.AddError("--count must be 1 or more");
        });
        var command = new Command("watch", "Follow agents' status changes live") { board, count };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var filter = call.Value(board) is { } boardId ? $"board_id={boardId}" : null;
            var known = (await call.Api.ListAllAsync(filter is null ? "/api/v1/agents" : $"/api/v1/agents?{filter}", ct))
                .Select(McJson.Read<AgentItem>)
                .ToDictionary(agent => agent.Id, agent => agent.Status);
            // From a little before the list was read, by the service's clock, so no change between
            // the list and the stream is missed; what the list already showed is not repeated.
            var since = (call.Api.AnsweredAt ?? DateTimeOffset.UtcNow).AddSeconds(-2).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            var path = $"/api/v1/agents/stream?since={Uri.EscapeDataString(since)}{(filter is null ? "" : "&" + filter)}";
            if (!call.Screen.Json)
                call.Screen.Line($"Watching {known.Count} agent(s); Ctrl+C to stop.");
            var left = call.Value(count);
            await foreach (var frame in call.Api.StreamAsync(HttpMethod.Get, path, ct))
            {
                using var document = JsonDocument.Parse(frame.Data);
                var answer = document.RootElement.GetProperty("agent").Clone();
                var agent = McJson.Read<AgentItem>(answer);
                var before = known.GetValueOrDefault(agent.Id);
                if (before == agent.Status)
                    continue;
                known[agent.Id] = agent.Status;
                Print(call.Screen, answer, agent, before);
                if (left is not null && --left <= 0)
                    return;
            }
            // The service ends a stream only when it stops (a restart, a balancer moving on).
            throw new McFailure(ExitCodes.Unreachable, "the service closed the stream; run 'mc watch' again");
        }));
        return command;
    }

    private static void Print(Screen screen, JsonElement answer, AgentItem agent, string? before)
    {
        if (screen.Json)
        {
            screen.PrintJsonLine(answer);
            return;
        }
        var change = before is null ? $"new, {agent.Status}" : $"{before} -> {agent.Status}";
        screen.Line($"{Cells.Time(agent.UpdatedAt)}  {agent.Name} ({agent.Id})  {change}");
    }
}
