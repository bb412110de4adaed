using System.CommandLine;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;

namespace MissionControl.Cli.Commands;

/// <summary><c>mc gateways list|add|sync</c>.</summary>
public static class GatewaysCommands
{
    public static Command Build(GlobalOptions globals) =>
        new("gateways", "The organization's OpenClaw gateways")
        {
            List(globals),
            Add(globals),
            GatewaySync.Build(globals),
        };

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "Every gateway");
        command.SetAction(globals.Run((call, ct) => Listing.ListAsync<GatewayItem>(call, "/api/v1/gateways", "gateway",
            ["ID", "NAME", "URL", "WORKSPACE ROOT", "TOKEN", "MAIN AGENT"],
            gateway => [Cells.Plain(gateway.Id.ToString()), Cells.Plain(gateway.Name), Cells.Plain(gateway.Url), Cells.Plain(gateway.WorkspaceRoot),
                Cells.Plain(gateway.HasToken ? "set" : "none"), Cells.Plain(gateway.MainAgentId?.ToString())],
            ct)));
        return command;
    }

    private static Command Add(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "The gateway's name in Mission Control" };
        var url = new Argument<string>("gateway-url") { Description = "The gateway's WebSocket URL, e.g. ws://127.0.0.1:18789" };
        var workspaceRoot = new Option<string>("--workspace-root")
        {
            Description = "Where the gateway keeps agent workspaces, e.g. ~/.openclaw/workspaces",
            Required = true,
        };
        var token = new Option<string?>("--gateway-token") { Description = "The gateway's own token, if it asks for one" };
        var insecure = new Option<bool>("--allow-insecure-tls") { Description = "Accept a self-signed certificate (wss only)" };
        var noPairing = new Option<bool>("--disable-device-pairing") { Description = "Connect without device pairing" };
        var command = new Command("add", "Register a gateway (Mission Control connects to it first)")
        {
            name, url, workspaceRoot, token, insecure, noPairing,
        };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var created = await call.Api.PostAsync("/api/v1/gateways", new
            {
                Name = call.Value(name),
                Url = call.Value(url),
                WorkspaceRoot = call.Value(workspaceRoot),
                Token = call.Value(token),
                AllowInsecureTls = call.Value(insecure),
                DisableDevicePairing = call.Value(noPairing),
            }, ct);
            if (call.Screen.Json)
            {
                call.Screen.PrintJson(created);
                return;
            }
            var gateway = McJson.Read<GatewayItem>(created);
            call.Screen.Line($"Registered gateway {gateway.Name} ({gateway.Id}).");
            call.Screen.Write(Screen.Details(
            [
                ("id", gateway.Id.ToString()), ("url", gateway.Url), ("workspace root", gateway.WorkspaceRoot),
                ("token", gateway.HasToken ? "set" : "none"), ("main agent", gateway.MainAgentId?.ToString() ?? "-"),
            ]));
        }));
        return command;
    }
}
