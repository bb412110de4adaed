using System.CommandLine;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;

namespace MissionControl.Cli.Commands;

/// <summary><c>mc boards list|create</c>.</summary>
public static class BoardsCommands
{
    public static Command Build(GlobalOptions globals) =>
        new("boards", "The organization's boards")
        {
            List(globals),
            Create(globals),
        };

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "Every board");
        command.SetAction(globals.Run((call, ct) => Listing.ListAsync<BoardItem>(call, "/api/v1/boards", "board",
            ["ID", "NAME", "GATEWAY", "PAUSED", "MAX AGENTS", "LEAD"],
            board => [Cells.Plain(board.Id.ToString()), Cells.Plain(board.Name), Cells.Plain(board.GatewayId.ToString()),
                Cells.Plain(Cells.YesNo(board.IsPaused)), Cells.Plain(board.MaxAgents.ToString()), Cells.Plain(board.LeadAgentId?.ToString())],
            ct)));
        return command;
    }

    private static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The board's name" };
        var gateway = new Option<Guid>("--gateway") { Description = "The gateway its agents run on", Required = true };
        var description = new Option<string?>("--description") { Description = "What the board is for (default: its name)" };
        var maxAgents = new Option<int?>("--max-agents") { Description = "Most worker agents on the board" };
        var command = new Command("create", "Create a board on a gateway") { name, gateway, description, maxAgents };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var created = await call.Api.PostAsync("/api/v1/boards", new
            {
                Name = call.Value(name),
                Description = call.Value(description) ?? call.Value(name),
                GatewayId = call.Value(gateway),
                MaxAgents = call.Value(maxAgents),
            }, ct);
            if (call.Screen.Json)
            {
                call.Screen.PrintJson(created);
                return;
            }
            var board = McJson.Read<BoardItem>(created);
            call.Screen.Line($"Created board {board.Name} ({board.Id}) on gateway {board.GatewayId}.");
        }));
        return command;
    }
}
