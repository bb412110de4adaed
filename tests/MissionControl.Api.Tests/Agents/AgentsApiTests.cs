using System.Net;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Organizations;

namespace MissionControl.Api.Tests.Agents;

/// <summary>Operators' agent routes: reads, list filters and the documented errors.</summary>
public sealed class AgentsApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_an_admin_When_they_list_agents_Then_they_see_the_board_agents_and_the_gateway_main_agent_newest_first()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();

        var response = await client.GetAsync("/api/v1/agents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var ids = Ids(body);
        Assert.Equal(3, body.GetProperty("total").GetInt64());
        Assert.Equal([scene.Worker.Id, scene.Lead.Id, scene.Main.Id], ids);
        var worker = body.GetProperty("items")[0];
        Assert.Equal(scene.BoardId.ToString(), worker.GetProperty("board_id").GetString());
        Assert.Equal(scene.GatewayId.ToString(), worker.GetProperty("gateway_id").GetString());
        Assert.False(worker.GetProperty("is_gateway_main").GetBoolean());
        Assert.Equal($"agent:mc-{scene.Worker.Id}:main", worker.GetProperty("openclaw_session_id").GetString());
        Assert.Equal(200, body.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Given_filters_When_an_admin_lists_by_board_or_gateway_Then_only_those_agents_come_back()
    {
        var scene = await AgentScene.CreateAsync(world);
        var otherBoard = await world.NewBoardAsync(scene.Organization, scene.GatewayId, "Other");
        var otherWorker = await world.NewAgentAsync(otherBoard, "Runner");
        using var client = scene.AdminClient();

        var byBoard = Ids(await (await client.GetAsync($"/api/v1/agents?board_id={otherBoard}")).JsonAsync());
        var byGateway = Ids(await (await client.GetAsync($"/api/v1/agents?gateway_id={scene.GatewayId}")).JsonAsync());

        Assert.Equal([otherWorker.Id], byBoard);
        Assert.Equal(4, byGateway.Count);
    }

    [Fact]
    public async Task Given_a_board_the_admin_may_not_read_or_a_foreign_gateway_When_listing_Then_403_and_404()
    {
        var scene = await AgentScene.CreateAsync(world);
        var narrow = await world.AddMemberAsync(scene.Organization, "admin");
        var foreign = await world.NewOrganizationAsync("Elsewhere");
        var foreignGateway = await world.NewGatewayAsync(foreign);
        using var client = world.ClientFor(narrow);

        var unreadable = await client.GetAsync($"/api/v1/agents?board_id={scene.BoardId}");
        var gateway = await scene.AdminClient().GetAsync($"/api/v1/agents?gateway_id={foreignGateway}");
        var onlyMain = Ids(await (await client.GetAsync("/api/v1/agents")).JsonAsync());

        Assert.Equal(HttpStatusCode.Forbidden, unreadable.StatusCode);
        Assert.Equal("Board access denied", await unreadable.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, gateway.StatusCode);
        Assert.Equal([scene.Main.Id], onlyMain);
    }

    [Fact]
    public async Task Given_a_plain_member_When_they_list_agents_Then_403()
    {
        var scene = await AgentScene.CreateAsync(world);
        var member = await world.AddMemberAsync(scene.Organization, "member", new MemberAccess(true, true, new Dictionary<Guid, BoardPermission>()));

        var response = await world.ClientFor(member).GetAsync("/api/v1/agents");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Given_an_agent_When_an_admin_reads_it_Then_its_agent_read_comes_back_and_unknown_or_foreign_ids_are_404()
    {
        var scene = await AgentScene.CreateAsync(world);
        var foreign = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();

        var found = await client.GetAsync($"/api/v1/agents/{scene.Lead.Id}");
        var unknown = await client.GetAsync($"/api/v1/agents/{Guid.NewGuid()}");
        var other = await client.GetAsync($"/api/v1/agents/{foreign.Worker.Id}");
        var otherMain = await client.GetAsync($"/api/v1/agents/{foreign.Main.Id}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await found.JsonAsync();
        Assert.True(body.GetProperty("is_board_lead").GetBoolean());
        Assert.Equal("Lead Agent", body.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("heartbeat_config").ValueKind);
        Assert.Equal("10m", body.GetProperty("heartbeat_config").GetProperty("every").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherMain.StatusCode);
    }

    [Fact]
    public async Task Given_an_agent_that_never_checked_in_When_read_Then_it_reads_provisioning_and_after_a_heartbeat_online()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();

        var before = await (await client.GetAsync($"/api/v1/agents/{scene.Worker.Id}")).JsonAsync();
        await scene.ClientFor(scene.Worker).PostAsync("/api/v1/agent/heartbeat", null);
        var after = await (await client.GetAsync($"/api/v1/agents/{scene.Worker.Id}")).JsonAsync();

        Assert.Equal("provisioning", before.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("last_seen_at").ValueKind);
        Assert.Equal("online", after.GetProperty("status").GetString());
    }

    internal static List<Guid> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => Guid.Parse(item.GetProperty("id").GetString()!))];
}
