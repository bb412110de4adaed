using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.History;

public sealed class HistoryApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_an_agent_with_a_rotated_token_When_an_admin_pages_its_history_Then_its_events_come_in_order_with_actors_and_no_token_or_hash()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        var agent = await world.NewAgentAsync(boardId);
        var owner = world.ClientFor(organization.Owner);
        await world.ClientFor(agent).PostAsJsonAsync("/api/v1/agent/heartbeat", new { status = "online" });

        var first = await owner.GetAsync($"/api/v1/agents/{agent.Id}/events?limit=2");
        var all = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{agent.Id}/events?limit=200");
        var raw = await owner.GetStringAsync($"/api/v1/agents/{agent.Id}/events?limit=200");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.Content.ReadFromJsonAsync<JsonElement>();
        var total = all.GetProperty("total").GetInt64();
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(total, items.Count);
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(total, page.GetProperty("total").GetInt64());
        Assert.Equal(Enumerable.Range(1, items.Count).Select(v => (long)v), items.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal("agent.created", items[0].GetProperty("type").GetString());
        Assert.Contains(items, e => e.GetProperty("type").GetString() == "agent.heartbeat_recorded"
            && e.GetProperty("actor").GetString() == $"agent:{agent.Id}");
        Assert.Equal(agent.Id.ToString(), items[0].GetProperty("data").GetProperty("agent_id").GetString());
        Assert.DoesNotContain(agent.Token, raw);
        Assert.DoesNotContain("pbkdf2", raw);
        Assert.DoesNotContain("token", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_an_agent_When_it_reads_its_own_history_and_another_agents_Then_its_own_is_shown_and_the_other_is_unknown()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        var agent = await world.NewAgentAsync(boardId, "Reader");
        var other = await world.NewAgentAsync(boardId, "Other");

        var own = await world.ClientFor(agent).GetAsync($"/api/v1/agents/{agent.Id}/events");
        var foreign = await world.ClientFor(agent).GetAsync($"/api/v1/agents/{other.Id}/events");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Given_a_gateway_with_a_token_and_a_board_When_their_histories_are_read_Then_admins_see_them_without_the_token_and_other_organizations_do_not()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var boardId = await world.NewBoardAsync(organization, gatewayId);
        var owner = world.ClientFor(organization.Owner);
        var stranger = world.ClientFor((await world.NewOrganizationAsync("Other")).Owner);
        var member = world.ClientFor(await world.AddMemberAsync(organization, "member"));

        var gateway = await owner.GetStringAsync($"/api/v1/gateways/{gatewayId}/events");
        var board = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/boards/{boardId}/events");

        Assert.Equal("gateway.registered", JsonDocument.Parse(gateway).RootElement.GetProperty("items")[0].GetProperty("type").GetString());
        Assert.DoesNotContain(world.Gateway.Token, gateway);
        Assert.DoesNotContain("token", gateway, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("board.created", board.GetProperty("items")[0].GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/gateways/{gatewayId}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/boards/{boardId}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/v1/gateways/{gatewayId}/events")).StatusCode);
    }
}
