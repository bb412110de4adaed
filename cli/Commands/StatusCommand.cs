using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;
using Spectre.Console;

namespace MissionControl.Cli.Commands;

/// <summary><c>mc status</c>: the cluster's silos and the fleet's counts.</summary>
public static class StatusCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("status", "The cluster's silos and how many gateways, boards and agents there are, agents by status");
        command.SetAction(globals.Run(RunAsync));
        return command;
    }

    private static async Task RunAsync(Call call, CancellationToken ct)
    {
        var cluster = await call.Api.GetAsync("/api/v1/system/status", ct);
        var gateways = await TotalAsync(call.Api, "/api/v1/gateways", ct);
        var boards = await TotalAsync(call.Api, "/api/v1/boards", ct);
        var agents = (await call.Api.ListAllAsync("/api/v1/agents", ct)).Select(McJson.Read<AgentItem>).ToList();
        var byStatus = agents.GroupBy(agent => agent.Status).OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count());

        if (call.Screen.Json)
        {
            var fleet = new JsonObject
            {
                ["gateways"] = gateways,
                ["boards"] = boards,
                ["agents"] = agents.Count,
                ["agents_by_status"] = new JsonObject(byStatus.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
            };
            call.Screen.PrintJson(JsonSerializer.SerializeToElement(new JsonObject { ["cluster"] = JsonNode.Parse(cluster.GetRawText()), ["fleet"] = fleet }));
            return;
        }

        PrintCluster(call.Screen, McJson.Read<SystemStatus>(cluster), call.Api.Url);
        call.Screen.Line($"Fleet: {gateways} gateway(s), {boards} board(s), {agents.Count} agent(s)");
        var counts = Screen.Table("STATUS", "AGENTS");
        foreach (var (status, count) in byStatus)
            counts.AddRow(Cells.Status(status), Cells.Plain(count.ToString()));
        if (byStatus.Count > 0)
            call.Screen.Write(counts);
    }

    private static void PrintCluster(Screen screen, SystemStatus status, Uri url)
    {
        screen.Line($"Mission Control {status.Version} at {url.GetLeftPart(UriPartial.Authority)}, cluster {status.ClusterId}, answered by {status.AnsweredBy}");
        var silos = Screen.Table("SILO", "ADDRESS", "STATUS", "STARTED", "LAST HEARTBEAT");
        foreach (var silo in status.Silos)
        {
            silos.AddRow(Cells.Plain(silo.Name), Cells.Plain($"{silo.Address}:{silo.SiloPort}"), Cells.Plain(silo.Status),
                Cells.Plain(Cells.Time(silo.StartedAt)), Cells.Plain(Cells.Time(silo.LastHeartbeatAt)));
        }
        screen.Write(silos);
    }

    private static async Task<long> TotalAsync(McApi api, string path, CancellationToken ct) =>
        (await api.GetAsync($"{path}?limit=1", ct)).GetProperty("total").GetInt64();
}
