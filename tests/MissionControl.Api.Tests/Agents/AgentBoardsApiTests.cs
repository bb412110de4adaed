using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Gateways;

namespace MissionControl.Api.Tests.Agents;

/// <summary>The agent-facing board routes (<c>/api/v1/agent/*</c>): what agents see and what leads may do.</summary>
public sealed class AgentBoardsApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_an_agent_When_it_asks_for_healthz_Then_it_learns_its_board_gateway_status_and_role()
    {
        var scene = await AgentScene.CreateAsync(world);

        var lead = await (await scene.ClientFor(scene.Lead).GetAsync("/api/v1/agent/healthz")).JsonAsync();
        var main = await (await scene.ClientFor(scene.Main).GetAsync("/api/v1/agent/healthz")).JsonAsync();

        Assert.True(lead.GetProperty("ok").GetBoolean());
        Assert.Equal(scene.Lead.Id.ToString(), lead.GetProperty("agent_id").GetString());
        Assert.Equal(scene.BoardId.ToString(), lead.GetProperty("board_id").GetString());
        Assert.Equal(scene.GatewayId.ToString(), lead.GetProperty("gateway_id").GetString());
        Assert.Equal("provisioning", lead.GetProperty("status").GetString());
        Assert.True(lead.GetProperty("is_board_lead").GetBoolean());
        Assert.Equal(JsonValueKind.Null, main.GetProperty("board_id").ValueKind);
        Assert.Equal(scene.GatewayId.ToString(), main.GetProperty("gateway_id").GetString());
        Assert.False(main.GetProperty("is_board_lead").GetBoolean());
    }

    [Fact]
    public async Task Given_board_and_gateway_main_agents_When_they_list_boards_Then_a_board_agent_sees_its_own_and_the_main_agent_its_organizations()
    {
        var scene = await AgentScene.CreateAsync(world);
        var second = await world.NewBoardAsync(scene.Organization, scene.GatewayId, "Second");
        var foreign = await AgentScene.CreateAsync(world);

        var worker = AgentsApiTests.Ids(await (await scene.ClientFor(scene.Worker).GetAsync("/api/v1/agent/boards")).JsonAsync());
        var main = AgentsApiTests.Ids(await (await scene.ClientFor(scene.Main).GetAsync("/api/v1/agent/boards")).JsonAsync());
        var one = await scene.ClientFor(scene.Main).GetAsync($"/api/v1/agent/boards/{second}");

        Assert.Equal([scene.BoardId], worker);
        Assert.Equal(new[] { scene.BoardId, second }.Order(), main.Order());
        Assert.DoesNotContain(foreign.BoardId, main);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var board = await one.JsonAsync();
        Assert.Equal("Second", board.GetProperty("name").GetString());
        Assert.Equal(scene.Organization.Id.ToString(), board.GetProperty("organization_id").GetString());
        Assert.Equal(scene.GatewayId.ToString(), board.GetProperty("gateway_id").GetString());
    }

    [Fact]
    public async Task Given_a_gateway_main_agent_whose_gateway_is_gone_When_it_asks_for_boards_Then_403_without_organization_scope()
    {
        var scene = await AgentScene.CreateAsync(world);
        await world.Grain<IGatewayGrain>(scene.GatewayId).Delete();
        using var main = scene.ClientFor(scene.Main);

        var list = await main.GetAsync("/api/v1/agent/boards");
        var one = await main.GetAsync($"/api/v1/agent/boards/{scene.BoardId}");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal("Agent gateway not found; cannot determine organization scope.", await list.DetailAsync());
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal("Agent gateway not found; cannot determine organization scope.", await one.DetailAsync());
    }

    [Fact]
    public async Task Given_agents_When_they_list_agents_Then_a_board_agent_sees_its_board_and_a_main_agent_its_organization()
    {
        var scene = await AgentScene.CreateAsync(world);
        var foreign = await AgentScene.CreateAsync(world);

        var worker = AgentsApiTests.Ids(await (await scene.ClientFor(scene.Worker).GetAsync("/api/v1/agent/agents")).JsonAsync());
        var main = AgentsApiTests.Ids(await (await scene.ClientFor(scene.Main).GetAsync("/api/v1/agent/agents")).JsonAsync());
        var mainByBoard = AgentsApiTests.Ids(await (await scene.ClientFor(scene.Main).GetAsync($"/api/v1/agent/agents?board_id={scene.BoardId}")).JsonAsync());

        Assert.Equal([scene.Worker.Id, scene.Lead.Id], worker);
        Assert.Equal([scene.Worker.Id, scene.Lead.Id, scene.Main.Id], main);
        Assert.Equal([scene.Worker.Id, scene.Lead.Id], mainByBoard);
        Assert.DoesNotContain(foreign.Worker.Id, main);
    }

    [Fact]
    public async Task Given_a_lead_When_it_creates_an_agent_Then_the_worker_joins_its_board()
    {
        var scene = await AgentScene.CreateAsync(world);

        var response = await scene.ClientFor(scene.Lead).PostAsJsonAsync("/api/v1/agent/agents", new { name = "Apprentice", board_id = scene.BoardId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(scene.BoardId.ToString(), body.GetProperty("board_id").GetString());
        Assert.False(body.GetProperty("is_board_lead").GetBoolean());
        await scene.WaitProvisionedAsync(Guid.Parse(body.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Given_a_lead_When_it_nudges_a_worker_Then_the_message_reaches_the_workers_session()
    {
        var scene = await AgentScene.CreateAsync(world);
        var message = $"Pick up the review {Guid.NewGuid():N}";

        var response = await scene.ClientFor(scene.Lead).PostAsJsonAsync(
            $"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}/nudge", new { message });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.Contains(world.Gateway.State.Chats, chat => chat.SessionKey == $"agent:mc-{scene.Worker.Id}:main" && chat.Message == message);
    }

    [Fact]
    public async Task Given_a_nudge_to_an_agent_off_the_board_or_with_a_blank_message_When_sent_Then_404_and_422()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var lead = scene.ClientFor(scene.Lead);

        var unknown = await lead.PostAsJsonAsync($"/api/v1/agent/boards/{scene.BoardId}/agents/{Guid.NewGuid()}/nudge", new { message = "hi" });
        var main = await lead.PostAsJsonAsync($"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Main.Id}/nudge", new { message = "hi" });
        var blank = await lead.PostAsJsonAsync($"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}/nudge", new { message = "  " });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, main.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Equal("message is required", await blank.DetailAsync());
    }

    [Fact]
    public async Task Given_a_workers_soul_When_the_lead_or_the_worker_reads_it_Then_both_get_the_workspace_file()
    {
        var scene = await AgentScene.CreateAsync(world);
        var gatewayAgent = await scene.GatewayAgentIdAsync(scene.Worker.Id);
        world.Gateway.State.WriteFileAsAgent(gatewayAgent, "SOUL.md", "# Calm and careful\n");
        var path = $"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}/soul";

        var byLead = await scene.ClientFor(scene.Lead).GetAsync(path);
        var bySelf = await scene.ClientFor(scene.Worker).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, byLead.StatusCode);
        Assert.Equal("# Calm and careful\n", await byLead.Content.ReadFromJsonAsync<string>());
        Assert.Equal(HttpStatusCode.OK, bySelf.StatusCode);
        Assert.Equal("# Calm and careful\n", await bySelf.Content.ReadFromJsonAsync<string>());
    }

    [Fact]
    public async Task Given_a_lead_When_it_puts_a_new_soul_Then_the_template_is_kept_and_the_workspace_file_written()
    {
        var scene = await AgentScene.CreateAsync(world);
        var path = $"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}/soul";

        var response = await scene.ClientFor(scene.Lead).PutAsJsonAsync(path, new { content = "  # Bold explorer\n", reason = "more initiative" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("# Bold explorer", (await scene.Grain(scene.Worker.Id).Get())!.SoulTemplate);
        await scene.WaitProvisionedAsync(scene.Worker.Id);
        var soul = world.Gateway.State.FilesOf(await scene.GatewayAgentIdAsync(scene.Worker.Id))["SOUL.md"];
        Assert.Contains("# Bold explorer", soul);
    }

    [Fact]
    public async Task Given_a_blank_soul_When_put_Then_422_content_is_required_and_nothing_changes()
    {
        var scene = await AgentScene.CreateAsync(world);
        var version = (await scene.Grain(scene.Worker.Id).Get())!.Version;

        var response = await scene.ClientFor(scene.Lead).PutAsJsonAsync(
            $"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}/soul", new { content = " \n " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("content is required", await response.DetailAsync());
        Assert.Equal(version, (await scene.Grain(scene.Worker.Id).Get())!.Version);
    }

    [Fact]
    public async Task Given_a_lead_When_it_deletes_a_worker_Then_the_worker_is_gone_but_leads_and_main_agents_are_refused()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var lead = scene.ClientFor(scene.Lead);
        var root = $"/api/v1/agent/boards/{scene.BoardId}/agents";

        var self = await lead.DeleteAsync($"{root}/{scene.Lead.Id}");
        var main = await lead.DeleteAsync($"{root}/{scene.Main.Id}");
        var unknown = await lead.DeleteAsync($"{root}/{Guid.NewGuid()}");
        var worker = await lead.DeleteAsync($"{root}/{scene.Worker.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal("Board leads cannot delete lead agents", await self.DetailAsync());
        Assert.Equal(HttpStatusCode.Forbidden, main.StatusCode);
        Assert.Equal("Board leads cannot delete gateway main agents", await main.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.DoesNotContain(await scene.AgentsAsync(), agent => agent.Id == scene.Worker.Id);
        Assert.False(world.Gateway.State.HasAgent($"mc-{scene.Worker.Id}"));
    }

    [Fact]
    public async Task Given_the_openapi_document_When_read_Then_the_agent_routes_carry_their_role_tags()
    {
        var document = await (await world.AnonymousClient().GetAsync("/openapi.json")).JsonAsync();
        var paths = document.GetProperty("paths");

        Assert.Equal(["agent-lead"], Tags(paths, "/api/v1/agent/boards/{boardId}/agents/{agentId}/nudge", "post"));
        Assert.Equal(["agent-lead", "agent-worker"], Tags(paths, "/api/v1/agent/boards/{boardId}/agents/{agentId}/soul", "get"));
        Assert.Equal(["agent-lead"], Tags(paths, "/api/v1/agent/agents", "post"));
        Assert.Equal(["agent-lead", "agent-main", "agent-worker"], Tags(paths, "/api/v1/agent/agents", "get"));
        Assert.Equal(["agent-lead"], Tags(paths, "/api/v1/agent/boards/{boardId}/agents/{agentId}", "delete"));
    }

    private static List<string> Tags(JsonElement paths, string path, string method) =>
        [.. paths.GetProperty(path).GetProperty(method).GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()!).Order()];
}
