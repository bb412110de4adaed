using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Gateways;

/// <summary>Gateway CRUD over real PostgreSQL and the fake gateway: write-only tokens, the check before saving, the main agent.</summary>
public sealed class GatewaysApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_gateways_in_two_organizations_When_an_admin_lists_Then_only_theirs_come_back_and_no_token_is_shown()
    {
        var organization = await world.NewOrganizationAsync();
        var first = await world.NewGatewayAsync(organization, "Alpha");
        var second = await world.NewGatewayAsync(organization, "Beta");
        await world.NewGatewayAsync(await world.NewOrganizationAsync("Elsewhere"), "Gamma");
        using var client = world.ClientFor(organization.Owner);

        var response = await client.GetAsync("/api/v1/gateways?limit=1");
        var all = await (await client.GetAsync("/api/v1/gateways")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.JsonAsync();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("limit").GetInt32());
        Assert.Equal("Alpha", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal([first.ToString(), second.ToString()], all.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetString()!));
        var text = all.GetRawText();
        Assert.DoesNotContain(world.Gateway.Token, text);
        Assert.DoesNotContain("\"token\"", text);
        Assert.All(all.GetProperty("items").EnumerateArray(), g => Assert.True(g.GetProperty("has_token").GetBoolean()));
    }

    [Fact]
    public async Task Given_a_reachable_gateway_When_an_admin_registers_it_Then_it_is_saved_without_echoing_the_token_and_its_main_agent_is_provisioned()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PostAsJsonAsync("/api/v1/gateways", new
        {
            name = "Edge", url = world.Gateway.Url.ToString(), workspace_root = "/srv/edge", token = world.Gateway.Token,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(world.Gateway.Token, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var gatewayId = Guid.Parse(body.GetProperty("id").GetString()!);
        Assert.Equal("Edge", body.GetProperty("name").GetString());
        Assert.Equal("/srv/edge", body.GetProperty("workspace_root").GetString());
        Assert.False(body.GetProperty("allow_insecure_tls").GetBoolean());
        Assert.True(body.GetProperty("has_token").GetBoolean());
        Assert.Equal(organization.Id.ToString(), body.GetProperty("organization_id").GetString());
        var mainAgentId = Guid.Parse(body.GetProperty("main_agent_id").GetString()!);
        var main = await world.ProvisionedAsync(mainAgentId);
        Assert.Equal("Edge Gateway Agent", main.Name);
        Assert.True(main.IsGatewayMain);
        Assert.True(world.Gateway.State.HasAgent($"mc-gateway-{gatewayId}"));
        Assert.NotNull(await world.Service<GatewayQueries>().GetAsync(gatewayId));
    }

    [Fact]
    public async Task Given_a_gateway_whose_main_agent_was_deleted_When_the_gateway_is_next_changed_Then_it_stops_naming_the_deleted_agent_and_gets_a_new_one()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization, "Harbor");
        using var client = world.ClientFor(organization.Owner);
        var mainId = Guid.Parse((await (await client.GetAsync($"/api/v1/gateways/{gatewayId}")).JsonAsync()).GetProperty("main_agent_id").GetString()!);

        var deleted = await client.DeleteAsync($"/api/v1/agents/{mainId}");
        var afterDelete = await (await client.GetAsync($"/api/v1/gateways/{gatewayId}")).JsonAsync();
        var changed = await client.PatchAsJsonAsync($"/api/v1/gateways/{gatewayId}", new { name = "Harbor Two" });

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(JsonValueKind.Null, afterDelete.GetProperty("main_agent_id").ValueKind);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var replacementId = Guid.Parse((await changed.JsonAsync()).GetProperty("main_agent_id").GetString()!);
        Assert.NotEqual(mainId, replacementId);
        var replacement = await world.ProvisionedAsync(replacementId);
        Assert.True(replacement.IsGatewayMain);
        Assert.Equal("Harbor Two Gateway Agent", replacement.Name);
        Assert.Equal(replacementId, (await world.Service<GatewayQueries>().GetAsync(gatewayId))!.MainAgentId);
    }

    [Fact]
    public async Task Given_a_gateway_without_its_main_agent_When_a_board_agent_is_made_main_Then_the_gateway_names_it()
    {
        var (gatewayId, worker, client) = await GatewayWithoutItsMainAsync("Quay", "Porter");
        using var _ = client;

        var promoted = await client.PatchAsJsonAsync($"/api/v1/agents/{worker.Id}", new { is_gateway_main = true });
        var gateway = await (await client.GetAsync($"/api/v1/gateways/{gatewayId}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.True((await promoted.JsonAsync()).GetProperty("is_gateway_main").GetBoolean());
        Assert.Equal(worker.Id.ToString(), gateway.GetProperty("main_agent_id").GetString());
        Assert.Equal(worker.Id, (await world.Grain<IGatewayGrain>(gatewayId).Get()).MainAgentId);
    }

    [Fact]
    public async Task Given_a_gateway_older_than_supported_When_registered_Then_422_and_nothing_is_saved()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);
        var before = await world.StoredStateAsync(organization.Id);
        world.Gateway.Faults.ServerVersion = "2025.12.1";
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync("/api/v1/gateways", new
            {
                name = "Old", url = world.Gateway.Url.ToString(), workspace_root = "/srv/old", token = world.Gateway.Token,
            });
        }
        finally
        {
            world.Gateway.Faults.ServerVersion = "2026.9.6";
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("Gateway version too old: 2025.12.1", await response.DetailAsync());
        Assert.Equal(before, await world.StoredStateAsync(organization.Id));
    }

    [Fact]
    public async Task Given_a_gateway_that_does_not_answer_When_registered_Then_502_with_the_check_failure_and_nothing_is_saved()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);
        var before = await world.StoredStateAsync(organization.Id);

        var response = await client.PostAsJsonAsync("/api/v1/gateways", new { name = "Ghost", url = "ws://127.0.0.1:1", workspace_root = "/srv/ghost" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Gateway compatibility check failed: ", await response.DetailAsync());
        Assert.Equal(before, await world.StoredStateAsync(organization.Id));
    }

    [Fact]
    public async Task Given_a_gateway_When_fetched_Then_its_admin_gets_it_and_an_unknown_or_foreign_id_is_404_and_a_malformed_one_422()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization, "Mine");
        var foreign = await world.NewGatewayAsync(await world.NewOrganizationAsync("Other"), "Theirs");
        using var client = world.ClientFor(organization.Owner);

        var mine = await client.GetAsync($"/api/v1/gateways/{gatewayId}");
        var unknown = await client.GetAsync($"/api/v1/gateways/{Guid.NewGuid()}");
        var theirs = await client.GetAsync($"/api/v1/gateways/{foreign}");
        var malformed = await client.GetAsync("/api/v1/gateways/not-a-uuid");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("Mine", (await mine.JsonAsync()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Gateway not found", await unknown.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal("Gateway not found", await theirs.DetailAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
    }

    [Fact]
    public async Task Given_a_gateway_When_renamed_Then_its_main_agent_follows_the_new_name()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization, "Before");
        var main = await world.GatewayMainAsync(gatewayId);
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PatchJsonAsync($"/api/v1/gateways/{gatewayId}", new { name = "After" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("After", (await response.JsonAsync()).GetProperty("name").GetString());
        Assert.Equal("After Gateway Agent", (await world.ProvisionedAsync(main.Id, atLeastGeneration: 2)).Name);
    }

    [Fact]
    public async Task Given_a_gateway_moved_to_another_address_When_its_sessions_are_read_Then_the_new_gateway_answers_and_the_main_agent_is_provisioned_there()
    {
        // Regression: the process-wide client pool kept a gateway's first connection settings forever.
        await using var moved = FakeGateway.Start();
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var boardId = await world.NewBoardAsync(organization, gatewayId);
        var main = await world.GatewayMainAsync(gatewayId);
        using var client = world.ClientFor(organization.Owner);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/gateways/sessions?board_id={boardId}")).StatusCode);

        var response = await client.PatchJsonAsync($"/api/v1/gateways/{gatewayId}", new { url = moved.Url.ToString() });
        await world.ProvisionedAsync(main.Id, atLeastGeneration: 2);
        var sessions = await client.GetAsync($"/api/v1/gateways/sessions?board_id={boardId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(moved.Url.ToString(), (await response.JsonAsync()).GetProperty("url").GetString());
        Assert.True(moved.State.HasAgent($"mc-gateway-{gatewayId}"));
        Assert.Equal(HttpStatusCode.OK, sessions.StatusCode);
        Assert.True(moved.Received.GetValueOrDefault("sessions.list") >= 1);
        Assert.Contains((await sessions.JsonAsync()).GetProperty("sessions").EnumerateArray(),
            s => s.GetProperty("key").GetString() == $"agent:mc-gateway-{gatewayId}:main");
    }

    [Fact]
    public async Task Given_a_wrong_token_When_patched_in_Then_502_and_the_gateway_keeps_its_working_settings()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PatchJsonAsync($"/api/v1/gateways/{gatewayId}", new { token = "not-the-token", name = "Renamed" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Gateway compatibility check failed: Gateway authentication failed.", await response.DetailAsync());
        var connection = await world.Grain<IGatewayGrain>(gatewayId).GetConnection();
        Assert.Equal(world.Gateway.Token, connection.Token);
        Assert.Equal("Fake", (await world.Grain<IGatewayGrain>(gatewayId).Get()).Name);
    }

    [Fact]
    public async Task Given_a_blank_name_with_a_new_url_When_patched_in_Then_422_without_calling_the_new_url()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        using var client = world.ClientFor(organization.Owner);
        var before = await world.StoredStateAsync(organization.Id);

        // Nothing listens on port 1: a call to it would fail as a 502.
        var response = await client.PatchJsonAsync($"/api/v1/gateways/{gatewayId}", new { name = "  ", url = "ws://127.0.0.1:1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.name", "value_error")], await response.IssuesAsync());
        Assert.Equal(before, await world.StoredStateAsync(organization.Id));
    }

    [Fact]
    public async Task Given_a_gateway_When_deleted_Then_it_and_its_main_agent_are_gone_and_the_gateway_itself_is_left_alone()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var main = await world.GatewayMainAsync(gatewayId);
        using var client = world.ClientFor(organization.Owner);

        var response = await client.DeleteAsync($"/api/v1/gateways/{gatewayId}");
        var again = await client.DeleteAsync($"/api/v1/gateways/{gatewayId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/gateways/{gatewayId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(await world.Grain<IAgentGrain>(main.Id).Get());
        Assert.True(world.Gateway.State.HasAgent($"mc-gateway-{gatewayId}"));
    }

    [Fact]
    public async Task Given_a_gateway_whose_main_agent_was_replaced_by_one_made_main_When_deleted_Then_every_main_agent_it_had_is_gone()
    {
        var (gatewayId, worker, client) = await GatewayWithoutItsMainAsync("Pier", "Docker");
        using var _ = client;
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/agents/{worker.Id}", new { is_gateway_main = true })).StatusCode);

        var response = await client.DeleteAsync($"/api/v1/gateways/{gatewayId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await world.Grain<IAgentGrain>(worker.Id).Get());
        Assert.Empty(await world.Service<AgentQueries>().OfGatewayAsync(gatewayId));
    }

    /// <summary>A gateway with a worker on one of its boards, whose main agent its owner (the client's user) has deleted.</summary>
    private async Task<(Guid GatewayId, TestAgent Worker, HttpClient OwnerClient)> GatewayWithoutItsMainAsync(string gatewayName, string workerName)
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization, gatewayName);
        var worker = await world.NewAgentAsync(await world.NewBoardAsync(organization, gatewayId), workerName);
        var client = world.ClientFor(organization.Owner);
        var mainId = (await world.Service<GatewayQueries>().GetAsync(gatewayId))!.MainAgentId!.Value;
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/agents/{mainId}")).StatusCode);
        return (gatewayId, worker, client);
    }
}
