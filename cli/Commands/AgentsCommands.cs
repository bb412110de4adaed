using System.CommandLine;
using System.Text.Json;
using MissionControl.Cli.Http;

namespace MissionControl.Cli.Commands;

/// <summary><c>mc agents list|show|history|create|delete|retry</c>.</summary>
public static class AgentsCommands
{
    public static Command Build(GlobalOptions globals) =>
        new("agents", "The organization's agents")
        {
            List(globals),
            Show(globals),
            AgentHistory.Build(globals),
            Create(globals),
            Delete(globals),
            Retry(globals),
        };

    private static Argument<Guid> AgentId() => new("agent-id") { Description = "The agent's id" };

    private static Command List(GlobalOptions globals)
    {
        var board = new Option<Guid?>("--board") { Description = "Only this board's agents" };
        var gateway = new Option<Guid?>("--gateway") { Description = "Only this gateway's agents" };
        var status = new Option<string?>("--status") { Description = "Only agents with this status (online, offline, provisioning, ...)" };
        var command = new Command("list", "Every agent, with its status") { board, gateway, status };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var filters = new List<string>();
            if (call.Value(board) is { } boardId)
                filters.Add($"board_id={boardId}");
            if (call.Value(gateway) is { } gatewayId)
                filters.Add($"gateway_id={gatewayId}");
            var path = filters.Count == 0 ? "/api/v1/agents" : $"/api/v1/agents?{string.Join('&', filters)}";
            var agents = (await call.Api.ListAllAsync(path, ct))
                .Where(agent => call.Value(status) is not { } wanted || McJson.Read<AgentItem>(agent).Status == wanted)
                .ToList();
            if (call.Screen.Json)
            {
                call.Screen.PrintJson(Listing.AsArray(agents));
                return;
            }
            var boards = (await call.Api.ListAllAsync("/api/v1/boards", ct)).Select(McJson.Read<BoardItem>).ToDictionary(b => b.Id, b => b.Name);
            Listing.Show(call.Screen, AgentViews.Table(agents.Select(McJson.Read<AgentItem>), boards), agents.Count, "agent");
        }));
        return command;
    }

    private static Command Show(GlobalOptions globals)
    {
        var id = AgentId();
        var command = new Command("show", "One agent's details") { id };
        command.SetAction(globals.Run(async (call, ct) =>
            PrintAgent(call, await call.Api.GetAsync($"/api/v1/agents/{call.Value(id)}", ct), headline: null)));
        return command;
    }

    private static Command Create(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The agent's name" };
        var board = new Option<Guid>("--board") { Description = "The board it works on", Required = true };
        var command = new Command("create", "Create an agent on a board; it is provisioned on the board's gateway") { name, board };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var created = await call.Api.PostAsync("/api/v1/agents", new { Name = call.Value(name), BoardId = call.Value(board) }, ct);
            PrintAgent(call, created, "Created agent; it is being provisioned.");
        }));
        return command;
    }

    private static Command Delete(GlobalOptions globals)
    {
        var id = AgentId();
        var command = new Command("delete", "Delete an agent and clean it off its gateway") { id };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var answer = await call.Api.DeleteAsync($"/api/v1/agents/{call.Value(id)}", ct);
            if (call.Screen.Json)
                call.Screen.PrintJson(answer);
            else
                call.Screen.Line($"Deleted agent {call.Value(id)}.");
        }));
        return command;
    }

    private static Command Retry(GlobalOptions globals)
    {
        var id = AgentId();
        var command = new Command("retry", "Provision an agent again (after a failure), with a fresh token") { id };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var agent = await call.Api.PatchAsync($"/api/v1/agents/{call.Value(id)}?force=true", new { }, ct);
            PrintAgent(call, agent, "Provisioning again.");
        }));
        return command;
    }

    private static void PrintAgent(Call call, JsonElement answer, string? headline)
    {
        if (call.Screen.Json)
        {
            call.Screen.PrintJson(answer);
            return;
        }
        if (headline is not null)
            call.Screen.Line(headline);
        call.Screen.Write(AgentViews.Details(McJson.Read<AgentItem>(answer)));
    }
}
