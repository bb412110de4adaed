using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Cli;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Cli;

/// <summary>
/// <c>mc</c> against a running service and a fake gateway: a gateway, a board and agents made,
/// listed, followed, synced and deleted through the command line, with its output and exit codes.
/// </summary>
public sealed class CliFleetTests(LiveService service) : IClassFixture<LiveService>
{
    [Fact]
    public async Task Given_a_gateway_added_and_a_board_created_When_listed_Then_tables_and_json_show_them()
    {
        var (gatewayId, boardId) = await GatewayAndBoardAsync("Listed");

        var gateways = await service.RunAsync("gateways", "list");
        var boards = await service.RunAsync("boards", "list");
        var boardsJson = await service.RunAsync("boards", "list", "--json");

        Assert.True(gateways.ExitCode == ExitCodes.Ok, gateways.ToString());
        AssertLine(gateways.Out, gatewayId.ToString(), "Listed gateway", service.Gateway.Url.ToString(), "/srv/listed", "set");
        Assert.Equal(ExitCodes.Ok, boards.ExitCode);
        AssertLine(boards.Out, boardId.ToString(), "Listed board", gatewayId.ToString(), "no", "3");
        var board = Assert.Single(JsonDocument.Parse(boardsJson.Out).RootElement.EnumerateArray(), b => b.GetProperty("id").GetGuid() == boardId);
        Assert.Equal("Listed board", board.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Given_an_agent_created_When_it_beats_Then_watch_shows_it_new_and_online_and_list_show_and_history_agree()
    {
        var (_, boardId) = await GatewayAndBoardAsync("Watched");
        await using var watch = service.Start("watch", "--board", boardId.ToString());
        await Eventually.WaitUntil(() => watch.Out.Contains("Watching 0 agent(s)"), LiveService.Patience, "the watch has read the board's agents");

        var created = await service.RunAsync("agents", "create", "Watcher", "--board", boardId.ToString(), "--json");
        var agentId = JsonDocument.Parse(created.Out).RootElement.GetProperty("id").GetGuid();
        Assert.True(await Eventually.TryWaitUntil(() => watch.Out.Contains("new, provisioning"), LiveService.Patience), $"Not seen new:\n{watch.Out}");
        await BeatAsync(agentId);
        var shown = await Eventually.TryWaitUntil(() => watch.Out.Contains("-> online"), LiveService.Patience);
        var watched = await watch.StopAsync();
        Assert.True(shown, $"The watch did not show the agent online:\n{watched}");

        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());
        Assert.Equal("provisioning", JsonDocument.Parse(created.Out).RootElement.GetProperty("status").GetString());
        Assert.Equal(130, watched.ExitCode);
        Assert.Contains($"Watcher ({agentId})  new, provisioning", watched.Out);
        Assert.Contains($"Watcher ({agentId})  provisioning -> online", watched.Out);
        var list = await service.RunAsync("agents", "list", "--board", boardId.ToString());
        AssertLine(list.Out, agentId.ToString(), "Watcher", "online", "worker", "Watched board");
        var show = await service.RunAsync("agents", "show", agentId.ToString());
        Assert.Matches(@"status\s+online", show.Out);
        var history = await service.RunAsync("agents", "history", agentId.ToString());
        Assert.Equal(ExitCodes.Ok, history.ExitCode);
        Assert.Contains("agent.provision_started", history.Out);
        Assert.Contains("agent.provision_completed", history.Out);
    }

    [Fact]
    public async Task Given_a_board_of_agents_When_synced_Then_progress_lines_then_the_result_and_json_gives_the_result()
    {
        var (gatewayId, boardId) = await GatewayAndBoardAsync("Synced");
        var agents = new List<Guid>();
        foreach (var name in new[] { "Syncer one", "Syncer two" })
        {
            agents.Add(await CreatedAsync(name, boardId));
            await service.AgentTokenAsync(agents[^1]);
        }

        var sync = await service.RunAsync("gateways", "sync", gatewayId.ToString(), "--board", boardId.ToString());
        var json = await service.RunAsync("gateways", "sync", gatewayId.ToString(), "--board", boardId.ToString(), "--json");

        Assert.True(sync.ExitCode == ExitCodes.Ok, sync.ToString());
        Assert.Contains("1/2 Syncer one: updated", sync.Out);
        Assert.Contains("2/2 Syncer two: updated", sync.Out);
        Assert.Matches(@"agents updated\s+2", sync.Out);
        Assert.Matches(@"errors\s+0", sync.Out);
        AssertLine(sync.Out, agents[0].ToString(), "Syncer one", boardId.ToString(), "updated");
        AssertLine(sync.Out, agents[1].ToString(), "Syncer two", boardId.ToString(), "updated");
        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        var result = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(2, result.GetProperty("agents_updated").GetInt32());
        Assert.Equal(gatewayId, result.GetProperty("gateway_id").GetGuid());
    }

    [Fact]
    public async Task Given_an_agent_When_retried_then_deleted_Then_it_is_provisioned_again_and_then_unknown()
    {
        var (_, boardId) = await GatewayAndBoardAsync("Retried");
        var agentId = await CreatedAsync("Retrier", boardId);
        await service.AgentTokenAsync(agentId);

        var retry = await service.RunAsync("agents", "retry", agentId.ToString());
        await Eventually.WaitUntil(async () => ProvisionStarts(await service.RunAsync("agents", "history", agentId.ToString(), "--json")) == 2,
            LiveService.Patience, "the second provisioning is in the history");
        var delete = await service.RunAsync("agents", "delete", agentId.ToString());
        var shown = await service.RunAsync("agents", "show", agentId.ToString());

        Assert.True(retry.ExitCode == ExitCodes.Ok, retry.ToString());
        Assert.Contains("Provisioning again.", retry.Out);
        Assert.True(delete.ExitCode == ExitCodes.Ok, delete.ToString());
        Assert.Contains($"Deleted agent {agentId}.", delete.Out);
        Assert.Equal(ExitCodes.NotFound, shown.ExitCode);
        Assert.StartsWith("mc: ", shown.Error);
        Assert.Contains("not found", shown.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_a_message_sent_to_an_agent_When_its_inbox_is_listed_Then_it_shows_the_sender_and_content()
    {
        var (_, boardId) = await GatewayAndBoardAsync("Messaged");
        var sender = await CreatedAsync("Sender", boardId);
        var receiver = await CreatedAsync("Receiver", boardId);
        using var admin = service.Service.Client(asUser: true);
        var key = (await (await admin.PostAsync($"/api/v1/agents/{sender}/inbox-key", null)).JsonAsync()).GetProperty("api_key").GetString()!;
        using var inbox = service.Service.Client();
        inbox.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await inbox.PostAsJsonAsync("/api/gateway/send-message", new { target = "Receiver", content = "Please review task 7" })).StatusCode);

        var listed = await service.RunAsync("inbox", receiver.ToString());
        var empty = await service.RunAsync("inbox", sender.ToString());

        Assert.True(listed.ExitCode == ExitCodes.Ok, listed.ToString());
        AssertLine(listed.Out, "Please review task 7", "Sender", "pending", "0");
        Assert.Equal(ExitCodes.Ok, empty.ExitCode);
        Assert.Contains("No messages.", empty.Out);
    }

    [Fact]
    public async Task Given_the_fleet_When_status_is_asked_Then_the_silo_is_active_and_the_counts_match_json()
    {
        var (_, boardId) = await GatewayAndBoardAsync("Counted");
        await CreatedAsync("Counted agent", boardId);

        var status = await service.RunAsync("status");
        var json = JsonDocument.Parse((await service.RunAsync("status", "--json")).Out).RootElement;

        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains("Mission Control", status.Out);
        Assert.Contains("active", status.Out);
        var fleet = json.GetProperty("fleet");
        Assert.Contains($"Fleet: {fleet.GetProperty("gateways").GetInt64()} gateway(s), {fleet.GetProperty("boards").GetInt64()} board(s), {fleet.GetProperty("agents").GetInt64()} agent(s)", status.Out);
        Assert.True(fleet.GetProperty("agents").GetInt64() >= 1);
        Assert.Equal(fleet.GetProperty("agents").GetInt64(), fleet.GetProperty("agents_by_status").EnumerateObject().Sum(s => s.Value.GetInt64()));
        Assert.Contains(json.GetProperty("cluster").GetProperty("silos").EnumerateArray(), silo => silo.GetProperty("status").GetString() == "active");
    }

    private async Task<(Guid GatewayId, Guid BoardId)> GatewayAndBoardAsync(string name)
    {
        var gateway = await service.RunAsync("gateways", "add", $"{name} gateway", service.Gateway.Url.ToString(),
            "--workspace-root", $"/srv/{name.ToLowerInvariant()}", "--gateway-token", service.Gateway.Token, "--json");
        Assert.True(gateway.ExitCode == ExitCodes.Ok, gateway.ToString());
        var gatewayId = JsonDocument.Parse(gateway.Out).RootElement.GetProperty("id").GetGuid();
        var board = await service.RunAsync("boards", "create", $"{name} board", "--gateway", gatewayId.ToString(), "--max-agents", "3");
        Assert.True(board.ExitCode == ExitCodes.Ok, board.ToString());
        var boardId = Guid.Parse(System.Text.RegularExpressions.Regex.Match(board.Out, @"\(([0-9a-f-]{36})\)").Groups[1].Value);
        return (gatewayId, boardId);
    }

    private async Task<Guid> CreatedAsync(string name, Guid boardId)
    {
        var created = await service.RunAsync("agents", "create", name, "--board", boardId.ToString(), "--json");
        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());
        return JsonDocument.Parse(created.Out).RootElement.GetProperty("id").GetGuid();
    }

    private async Task BeatAsync(Guid agentId)
    {
        using var agent = service.Service.Client();
        agent.DefaultRequestHeaders.Add("X-Agent-Token", await service.AgentTokenAsync(agentId));
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync("/api/v1/agent/heartbeat", new { status = "online" })).StatusCode);
    }

    private static int ProvisionStarts(CliRun history) =>
        JsonDocument.Parse(history.Out).RootElement.EnumerateArray().Count(e => e.GetProperty("type").GetString() == "agent.provision_started");

    // The one line of a table that holds the marker holds each part as well.
    private static void AssertLine(string output, string marker, params string[] parts)
    {
        var line = output.Split('\n').SingleOrDefault(line => line.Contains(marker, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No line with \"{marker}\" in:\n{output}");
        foreach (var part in parts)
            Assert.Contains(part, line);
    }
}
