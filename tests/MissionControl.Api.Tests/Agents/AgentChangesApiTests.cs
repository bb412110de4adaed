using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Agents;

/// <summary>Creating, changing and deleting agents through <c>/api/v1/agents</c>, and their documented errors.</summary>
public sealed class AgentChangesApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_an_admin_When_they_create_an_agent_Then_it_is_provisioning_and_lands_on_the_gateway_with_its_profile()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();

        var response = await client.PostAsJsonAsync("/api/v1/agents", new
        {
            board_id = scene.BoardId,
            name = "  Scout ",
            status = "online",
            heartbeat_config = new { every = "5m" },
            identity_profile = new { role = " Researcher ", skills = new[] { "search", "notes" }, level = 3, empty = (string?)null },
            soul_template = "   ",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var id = Guid.Parse(body.GetProperty("id").GetString()!);
        Assert.Equal("Scout", body.GetProperty("name").GetString());
        Assert.Equal("provisioning", body.GetProperty("status").GetString());
        Assert.Equal("5m", body.GetProperty("heartbeat_config").GetProperty("every").GetString());
        var identity = body.GetProperty("identity_profile");
        Assert.Equal("Researcher", identity.GetProperty("role").GetString());
        Assert.Equal("search, notes", identity.GetProperty("skills").GetString());
        Assert.Equal("3", identity.GetProperty("level").GetString());
        Assert.False(identity.TryGetProperty("empty", out _));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("soul_template").ValueKind);
        await scene.WaitProvisionedAsync(id);
        Assert.True(world.Gateway.State.HasAgent($"mc-{id}"));
    }

    [Fact]
    public async Task Given_a_create_without_board_or_with_an_unknown_board_When_sent_Then_422_and_404()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();

        var missing = await client.PostAsJsonAsync("/api/v1/agents", new { name = "Nomad" });
        var unknown = await client.PostAsJsonAsync("/api/v1/agents", new { name = "Nomad", board_id = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("board_id is required", await missing.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Board not found", await unknown.DetailAsync());
        Assert.Equal(3, (await scene.AgentsAsync()).Count);
    }

    [Fact]
    public async Task Given_a_full_board_When_another_worker_is_created_Then_409_with_the_limit()
    {
        var scene = await AgentScene.CreateAsync(world, maxAgents: 1);

        var response = await scene.AdminClient().PostAsJsonAsync("/api/v1/agents", new { name = "Extra", board_id = scene.BoardId });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(
            "Board worker-agent limit reached: max_agents=1 (excluding the lead); cannot create more than 1 agent(s).",
            await response.DetailAsync());
    }

    [Fact]
    public async Task Given_a_name_taken_on_the_board_or_on_the_gateway_When_created_again_in_another_case_Then_409()
    {
        var scene = await AgentScene.CreateAsync(world);
        var sibling = await world.NewBoardAsync(scene.Organization, scene.GatewayId, "Sibling");
        using var client = scene.AdminClient();

        var sameBoard = await client.PostAsJsonAsync("/api/v1/agents", new { name = "WALKER", board_id = scene.BoardId });
        var sameGateway = await client.PostAsJsonAsync("/api/v1/agents", new { name = "walker", board_id = sibling });

        Assert.Equal(HttpStatusCode.Conflict, sameBoard.StatusCode);
        Assert.Equal("An agent with this name already exists on this board.", await sameBoard.DetailAsync());
        Assert.Equal(HttpStatusCode.Conflict, sameGateway.StatusCode);
        Assert.Equal("An agent with this name already exists in this gateway workspace.", await sameGateway.DetailAsync());
    }

    [Fact]
    public async Task Given_a_lead_When_it_creates_through_the_operators_route_Then_the_agent_lands_on_its_own_board_and_other_boards_are_refused()
    {
        var scene = await AgentScene.CreateAsync(world);
        var other = await world.NewBoardAsync(scene.Organization, scene.GatewayId, "Other");
        using var lead = scene.ClientFor(scene.Lead);

        var own = await lead.PostAsJsonAsync("/api/v1/agents", new { name = "Helper" });
        var elsewhere = await lead.PostAsJsonAsync("/api/v1/agents", new { name = "Stray", board_id = other });
        var byWorker = await scene.ClientFor(scene.Worker).PostAsJsonAsync("/api/v1/agents", new { name = "Stray" });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(scene.BoardId.ToString(), (await own.JsonAsync()).GetProperty("board_id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal("Board leads can only create agents in their own board", await elsewhere.DetailAsync());
        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        Assert.Equal("Only board leads can create agents", await byWorker.DetailAsync());
    }

    [Fact]
    public async Task Given_a_rename_When_patched_Then_the_agent_is_re_provisioned_with_the_new_name_and_a_fresh_token()
    {
        var scene = await AgentScene.CreateAsync(world);
        var before = (await scene.Grain(scene.Worker.Id).Get())!;

        var response = await scene.AdminClient().PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}", new { name = "Strider" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Strider", body.GetProperty("name").GetString());
        await scene.WaitProvisionedAsync(scene.Worker.Id);
        var after = (await scene.Grain(scene.Worker.Id).Get())!;
        Assert.True(after.LastProvision!.Generation > before.LastProvision!.Generation);
        Assert.Equal("Strider", world.Gateway.State.AgentName($"mc-{scene.Worker.Id}"));
        var stale = await scene.ClientFor(scene.Worker).GetAsync("/api/v1/agent/healthz");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task Given_a_status_in_a_patch_When_sent_Then_403_and_nothing_changes()
    {
        var scene = await AgentScene.CreateAsync(world);
        var version = (await scene.Grain(scene.Worker.Id).Get())!.Version;

        var response = await scene.AdminClient().PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}", new { status = "online", name = "Other" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("status is controlled by agent heartbeat", await response.DetailAsync());
        Assert.Equal(version, (await scene.Grain(scene.Worker.Id).Get())!.Version);
    }

    [Fact]
    public async Task Given_an_empty_patch_When_sent_with_and_without_force_Then_only_force_re_provisions()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();
        var before = (await scene.Grain(scene.Worker.Id).Get())!;
        var version = before.Version;

        var plain = await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}", new { });
        var unchanged = (await scene.Grain(scene.Worker.Id).Get())!.Version;
        var forced = await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}?force=true", new { });

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(version, unchanged);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        var attempt = (await scene.Grain(scene.Worker.Id).Get())!.LastProvision!;
        Assert.Equal(before.LastProvision!.Generation + 1, attempt.Generation);
        Assert.Equal("update", attempt.Action);
    }

    [Fact]
    public async Task Given_a_gateway_main_agent_When_converted_to_board_scope_without_a_board_Then_422_and_with_one_it_joins_the_board()
    {
        var scene = await AgentScene.CreateAsync(world);
        var board = await world.NewBoardAsync(scene.Organization, scene.GatewayId, "Landing");
        using var client = scene.AdminClient();

        var refused = await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Main.Id}", new { is_gateway_main = false });
        var moved = await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Main.Id}", new { is_gateway_main = false, board_id = board });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("board_id is required when converting a gateway-main agent to board scope", await refused.DetailAsync());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.JsonAsync();
        Assert.Equal(board.ToString(), body.GetProperty("board_id").GetString());
        Assert.False(body.GetProperty("is_gateway_main").GetBoolean());
        Assert.Equal($"agent:mc-{scene.Main.Id}:main", body.GetProperty("openclaw_session_id").GetString());
    }

    [Fact]
    public async Task Given_a_worker_When_moved_onto_a_board_where_its_name_is_taken_or_that_is_full_Then_409_and_it_stays_where_it_was()
    {
        var scene = await AgentScene.CreateAsync(world);
        var otherGateway = await world.NewGatewayAsync(scene.Organization);
        var namesake = await world.NewBoardAsync(scene.Organization, otherGateway, "Namesake", new WorkflowRules(MaxAgents: 5));
        await world.NewAgentAsync(namesake, "walker");
        var full = await world.NewBoardAsync(scene.Organization, scene.GatewayId, "Full", new WorkflowRules(MaxAgents: 1));
        await world.NewAgentAsync(full, "Filler");
        using var client = scene.AdminClient();

        var clash = await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}", new { board_id = namesake });
        var crowded = await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}", new { board_id = full });

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("An agent with this name already exists on this board.", await clash.DetailAsync());
        Assert.Equal(HttpStatusCode.Conflict, crowded.StatusCode);
        Assert.StartsWith("Board worker-agent limit reached", await crowded.DetailAsync());
        Assert.Equal(scene.BoardId, (await scene.Grain(scene.Worker.Id).Get())!.BoardId);
    }

    [Fact]
    public async Task Given_a_board_agent_When_made_gateway_main_Then_409_while_the_gateway_has_one_and_afterwards_it_takes_the_main_session()
    {
        var scene = await AgentScene.CreateAsync(world);
        var landing = await world.NewBoardAsync(scene.Organization, scene.GatewayId, "Landing");
        using var client = scene.AdminClient();
        var version = (await scene.Grain(scene.Worker.Id).Get())!.Version;

        var taken = await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}", new { is_gateway_main = true });
        var unchanged = (await scene.Grain(scene.Worker.Id).Get())!.Version;
        await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Main.Id}", new { is_gateway_main = false, board_id = landing });
        var response = await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}", new { is_gateway_main = true });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("This gateway already has a gateway main agent.", await taken.DetailAsync());
        Assert.Equal(version, unchanged);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("board_id").ValueKind);
        Assert.True(body.GetProperty("is_gateway_main").GetBoolean());
        Assert.Equal($"agent:mc-gateway-{scene.GatewayId}:main", body.GetProperty("openclaw_session_id").GetString());
    }

    [Fact]
    public async Task Given_an_agent_When_an_admin_deletes_it_Then_it_leaves_the_gateway_and_the_list_and_deleting_again_is_ok()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();

        var first = await client.DeleteAsync($"/api/v1/agents/{scene.Worker.Id}");
        var again = await client.DeleteAsync($"/api/v1/agents/{scene.Worker.Id}");
        var unknown = await client.DeleteAsync($"/api/v1/agents/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await first.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.False(world.Gateway.State.HasAgent($"mc-{scene.Worker.Id}"));
        Assert.DoesNotContain(await scene.AgentsAsync(), agent => agent.Id == scene.Worker.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/agents/{scene.Worker.Id}")).StatusCode);
    }

    [Fact]
    public async Task Given_heartbeats_for_one_agent_When_sent_by_an_admin_by_the_agent_and_by_another_agent_Then_only_the_last_is_refused()
    {
        var scene = await AgentScene.CreateAsync(world);
        var path = $"/api/v1/agents/{scene.Worker.Id}/heartbeat";

        var byAdmin = await scene.AdminClient().PostAsJsonAsync(path, new { });
        var bySelf = await scene.ClientFor(scene.Worker).PostAsJsonAsync(path, new { status = "busy" });
        var byOther = await scene.ClientFor(scene.Lead).PostAsJsonAsync(path, new { });
        var unknown = await scene.AdminClient().PostAsJsonAsync($"/api/v1/agents/{Guid.NewGuid()}/heartbeat", new { });

        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal("online", (await byAdmin.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, bySelf.StatusCode);
        Assert.Equal("busy", (await bySelf.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("busy", (await scene.Grain(scene.Worker.Id).GetPresence()).Status);
    }

    [Fact]
    public async Task Given_a_heartbeat_by_name_When_the_agent_exists_Then_it_beats_and_when_missing_it_is_created_on_the_board()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();

        var existing = await client.PostAsJsonAsync("/api/v1/agents/heartbeat", new { name = "Walker", board_id = scene.BoardId });
        var created = await client.PostAsJsonAsync("/api/v1/agents/heartbeat", new { name = "Newcomer", board_id = scene.BoardId, status = "idle" });
        var boardless = await client.PostAsJsonAsync("/api/v1/agents/heartbeat", new { name = "Nobody" });

        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
        Assert.Equal(scene.Worker.Id.ToString(), (await existing.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal("Newcomer", body.GetProperty("name").GetString());
        Assert.Equal("idle", body.GetProperty("status").GetString());
        Assert.Equal(scene.BoardId.ToString(), body.GetProperty("board_id").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, boardless.StatusCode);
        Assert.Equal("board_id is required", await boardless.DetailAsync());
        await scene.WaitProvisionedAsync(Guid.Parse(body.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Given_a_heartbeat_by_name_in_other_letter_case_When_the_agent_exists_Then_it_beats_and_no_agent_is_created()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agents?board_id={scene.BoardId}");

        var response = await client.PostAsJsonAsync("/api/v1/agents/heartbeat", new { name = "WALKER", board_id = scene.BoardId, status = "busy" });
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agents?board_id={scene.BoardId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(scene.Worker.Id.ToString(), (await response.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(before.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
        Assert.Equal("busy", (await scene.Grain(scene.Worker.Id).GetPresence()).Status);
    }

    [Fact]
    public async Task Given_an_agent_When_it_sends_a_heartbeat_by_any_name_Then_it_beats_for_itself()
    {
        var scene = await AgentScene.CreateAsync(world);

        var response = await scene.ClientFor(scene.Worker).PostAsJsonAsync("/api/v1/agents/heartbeat", new { name = "Lead Agent" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(scene.Worker.Id.ToString(), (await response.JsonAsync()).GetProperty("id").GetString());
        await Eventually.WaitUntil(async () => (await scene.Grain(scene.Worker.Id).GetPresence()).LastSeenAt is not null,
            TimeSpan.FromSeconds(5), "the heartbeat is recorded");
        Assert.Null((await scene.Grain(scene.Lead.Id).GetPresence()).LastSeenAt);
    }
}
