using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Gateways;

/// <summary><c>POST /gateways/{id}/templates/sync</c> and its query options, on the fake gateway.</summary>
public sealed class GatewayTemplateSyncApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_a_gateway_with_a_lead_and_a_worker_When_synced_Then_every_agent_and_the_main_agent_are_rewritten()
    {
        var (organization, gatewayId, _, _) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PostAsync($"/api/v1/gateways/{gatewayId}/templates/sync", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(gatewayId.ToString(), body.GetProperty("gateway_id").GetString());
        Assert.True(body.GetProperty("include_main").GetBoolean());
        Assert.False(body.GetProperty("reset_sessions").GetBoolean());
        Assert.Equal(2, body.GetProperty("agents_updated").GetInt32());
        Assert.Equal(0, body.GetProperty("agents_skipped").GetInt32());
        Assert.True(body.GetProperty("main_updated").GetBoolean());
        Assert.Empty(body.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Given_a_client_that_accepts_an_event_stream_When_synced_Then_it_hears_each_agent_done_and_then_the_result()
    {
        var (organization, gatewayId, _, _) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);
        using var request = FollowedSync(gatewayId);

        var response = await client.SendAsync(request);
        var frames = new List<(string Event, JsonElement Data)>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
            frames.Add((item.EventType, JsonDocument.Parse(item.Data).RootElement));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["progress", "progress", "progress", "progress", "result"], frames.Select(frame => frame.Event));
        Assert.Equal([0, 1, 2, 3, 3], frames.Select(frame => frame.Data.GetProperty("agents_done").GetInt32()));
        Assert.All(frames, frame => Assert.Equal(3, frame.Data.GetProperty("agents_total").GetInt32()));
        var agents = frames.Where(frame => frame.Data.GetProperty("agent").ValueKind == JsonValueKind.Object).Select(frame => frame.Data.GetProperty("agent")).ToList();
        Assert.Equal(["Lead Agent", "Walker"], agents.Take(2).Select(agent => agent.GetProperty("agent_name").GetString()).Order());
        Assert.All(agents, agent => Assert.Equal("updated", agent.GetProperty("outcome").GetString()));
        Assert.Equal(3, agents.Count);
        var result = frames[^1].Data;
        Assert.True(result.GetProperty("finished").GetBoolean());
        Assert.Equal(2, result.GetProperty("result").GetProperty("agents_updated").GetInt32());
        Assert.True(result.GetProperty("result").GetProperty("main_updated").GetBoolean());
    }

    [Fact]
    public async Task Given_a_gateway_that_holds_the_first_file_write_When_followed_Then_the_first_frame_arrives_before_the_run_ends()
    {
        var (organization, gatewayId, _, _) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);
        using var request = FollowedSync(gatewayId);
        world.Gateway.Faults.Hold("agents.files.set");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            await using var frames = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();

            // While the gateway holds the write, the run cannot end: only a frame sent as it came arrives.
            Assert.True(await frames.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal("progress", frames.Current.EventType);
            Assert.Equal(0, JsonDocument.Parse(frames.Current.Data).RootElement.GetProperty("agents_done").GetInt32());
            world.Gateway.Faults.Release("agents.files.set");
            var last = frames.Current;
            while (await frames.MoveNextAsync())
                last = frames.Current;
            Assert.Equal("result", last.EventType);
        }
        finally
        {
            world.Gateway.Faults.Release("agents.files.set");
        }
    }

    [Fact]
    public async Task Given_lead_only_without_main_When_synced_Then_only_the_lead_is_rewritten()
    {
        var (organization, gatewayId, _, _) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PostAsync($"/api/v1/gateways/{gatewayId}/templates/sync?lead_only=true&include_main=false", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(1, body.GetProperty("agents_updated").GetInt32());
        Assert.False(body.GetProperty("include_main").GetBoolean());
        Assert.False(body.GetProperty("main_updated").GetBoolean());
    }

    [Fact]
    public async Task Given_a_worker_that_keeps_its_own_memory_When_synced_with_and_without_overwrite_Then_only_overwrite_replaces_it()
    {
        var (organization, gatewayId, boardId, worker) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);
        world.Gateway.State.WriteFileAsAgent($"mc-{worker.Id}", "MEMORY.md", "what the worker learned");

        var kept = await client.PostAsync($"/api/v1/gateways/{gatewayId}/templates/sync?board_id={boardId}", null);
        var memoryAfterKeep = world.Gateway.State.FilesOf($"mc-{worker.Id}")["MEMORY.md"];
        var overwritten = await client.PostAsync($"/api/v1/gateways/{gatewayId}/templates/sync?board_id={boardId}&overwrite=true", null);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(2, (await kept.JsonAsync()).GetProperty("agents_updated").GetInt32());
        Assert.Equal("what the worker learned", memoryAfterKeep);
        Assert.Equal(HttpStatusCode.OK, overwritten.StatusCode);
        Assert.NotEqual("what the worker learned", world.Gateway.State.FilesOf($"mc-{worker.Id}")["MEMORY.md"]);
    }

    [Fact]
    public async Task Given_a_board_of_another_gateway_When_synced_Then_the_run_reports_it_and_updates_nothing()
    {
        var (organization, gatewayId, _, _) = await SceneAsync();
        var elsewhere = await world.NewBoardAsync(organization);
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PostAsync($"/api/v1/gateways/{gatewayId}/templates/sync?board_id={elsewhere}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(0, body.GetProperty("agents_updated").GetInt32());
        Assert.Equal("Board does not belong to this gateway.", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Given_an_unknown_gateway_or_a_bad_flag_When_synced_Then_404_and_422()
    {
        var (organization, gatewayId, _, _) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);

        var unknown = await client.PostAsync($"/api/v1/gateways/{Guid.NewGuid()}/templates/sync", null);
        var badFlag = await client.PostAsync($"/api/v1/gateways/{gatewayId}/templates/sync?rotate_tokens=perhaps", null);
        var badBoard = await client.PostAsync($"/api/v1/gateways/{gatewayId}/templates/sync?board_id=../../etc", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Gateway not found", await unknown.DetailAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badFlag.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badBoard.StatusCode);
    }

    private static HttpRequestMessage FollowedSync(Guid gatewayId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/gateways/{gatewayId}/templates/sync");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    private async Task<(TestOrganization Organization, Guid GatewayId, Guid BoardId, TestAgent Worker)> SceneAsync()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        await world.GatewayMainAsync(gatewayId);
        var boardId = await world.NewBoardAsync(organization, gatewayId, rules: new MissionControl.GrainInterfaces.Boards.WorkflowRules(MaxAgents: 3));
        await world.NewAgentAsync(boardId, "Lead", lead: true);
        var worker = await world.NewAgentAsync(boardId, "Walker");
        return (organization, gatewayId, boardId, worker);
    }
}
