using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Gateways;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Boards;

/// <summary>Board CRUD over real PostgreSQL: the gateway rules, readable-only lists, partial updates and deletion with gateway cleanup.</summary>
public sealed class BoardsApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_a_gateway_with_its_main_agent_When_an_admin_creates_a_board_Then_it_is_stored_with_the_rules_given_and_defaults_for_the_rest()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PostAsJsonAsync("/api/v1/boards", new
        {
            name = "Launch", description = "Ship the launch", gateway_id = gatewayId, board_type = "goal", objective = "Launch by Friday",
            require_review_before_done = true, max_agents = 4,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var boardId = Guid.Parse(body.GetProperty("id").GetString()!);
        Assert.Equal("Launch", body.GetProperty("name").GetString());
        Assert.Equal("Ship the launch", body.GetProperty("description").GetString());
        Assert.Equal(gatewayId.ToString(), body.GetProperty("gateway_id").GetString());
        Assert.Equal("goal", body.GetProperty("board_type").GetString());
        Assert.Equal("Launch by Friday", body.GetProperty("objective").GetString());
        Assert.True(body.GetProperty("require_review_before_done").GetBoolean());
        Assert.True(body.GetProperty("require_approval_for_done").GetBoolean());
        Assert.False(body.GetProperty("only_lead_can_change_status").GetBoolean());
        Assert.Equal(4, body.GetProperty("max_agents").GetInt32());
        var row = await world.Service<BoardQueries>().GetAsync(boardId);
        Assert.NotNull(row);
        Assert.Equal(organization.Id, row.OrganizationId);
    }

    [Theory]
    [InlineData("missing-description", "description is required")]
    [InlineData("blank-description", "description is required")]
    [InlineData("missing-gateway", "gateway_id is required")]
    [InlineData("unknown-gateway", "gateway_id is invalid")]
    [InlineData("foreign-gateway", "gateway_id is invalid")]
    [InlineData("gateway-without-main-agent", "gateway must have a gateway main agent before boards can be created or updated")]
    public async Task Given_a_board_that_breaks_a_gateway_or_description_rule_When_created_Then_422_with_the_rule_and_nothing_is_stored(string scene, string detail)
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var target = scene switch
        {
            "unknown-gateway" => Guid.NewGuid(),
            "foreign-gateway" => await world.NewGatewayAsync(await world.NewOrganizationAsync("Other")),
            "gateway-without-main-agent" => await BareGatewayAsync(organization),
            _ => gatewayId,
        };
        object body = scene switch
        {
            "missing-description" => new { name = "B", gateway_id = target },
            "blank-description" => new { name = "B", description = "  ", gateway_id = target },
            "missing-gateway" => new { name = "B", description = "d" },
            _ => new { name = "B", description = "d", gateway_id = target },
        };
        using var client = world.ClientFor(organization.Owner);
        var before = await world.StoredStateAsync(organization.Id);

        var response = await client.PostAsJsonAsync("/api/v1/boards", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(detail, await response.DetailAsync());
        Assert.Equal(before, await world.StoredStateAsync(organization.Id));
    }

    [Fact]
    public async Task Given_a_member_with_a_grant_on_one_board_When_boards_are_listed_Then_only_that_board_shows_and_the_gateway_filter_applies()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayA = await world.NewGatewayAsync(organization, "A");
        var gatewayB = await world.NewGatewayAsync(organization, "B");
        var granted = await world.NewBoardAsync(organization, gatewayA, "Granted");
        await world.NewBoardAsync(organization, gatewayA, "Hidden");
        var onB = await world.NewBoardAsync(organization, gatewayB, "On B");
        var member = await world.MemberWithGrantAsync(organization, "member", granted, read: true, write: false);
        using var memberClient = world.ClientFor(member);
        using var ownerClient = world.ClientFor(organization.Owner);

        var memberList = await (await memberClient.GetAsync("/api/v1/boards")).JsonAsync();
        var ownerAll = await (await ownerClient.GetAsync("/api/v1/boards")).JsonAsync();
        var ownerOnB = await (await ownerClient.GetAsync($"/api/v1/boards?gateway_id={gatewayB}")).JsonAsync();

        Assert.Equal([granted.ToString()], Ids(memberList));
        Assert.Equal(1, memberList.GetProperty("total").GetInt32());
        Assert.Equal(3, ownerAll.GetProperty("total").GetInt32());
        Assert.Equal(["Granted", "Hidden", "On B"], ownerAll.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("name").GetString()!));
        Assert.Equal([onB.ToString()], Ids(ownerOnB));
    }

    [Fact]
    public async Task Given_boards_When_fetched_Then_readable_ones_come_back_ungranted_ones_are_403_and_unknown_or_foreign_ones_404()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        var foreign = await world.NewBoardAsync(await world.NewOrganizationAsync("Other"));
        var stranger = await world.AddMemberAsync(organization, "member");
        using var owner = world.ClientFor(organization.Owner);
        using var ungranted = world.ClientFor(stranger);

        var mine = await owner.GetAsync($"/api/v1/boards/{boardId}");
        var denied = await ungranted.GetAsync($"/api/v1/boards/{boardId}");
        var unknown = await owner.GetAsync($"/api/v1/boards/{Guid.NewGuid()}");
        var theirs = await owner.GetAsync($"/api/v1/boards/{foreign}");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(boardId.ToString(), (await mine.JsonAsync()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Board access denied", await denied.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Board not found", await unknown.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task Given_a_board_When_patched_Then_given_fields_change_and_rules_not_mentioned_stay()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization, rules: new MissionControl.GrainInterfaces.Boards.WorkflowRules(OnlyLeadCanChangeStatus: true, MaxAgents: 2));
        var writer = await world.MemberWithGrantAsync(organization, "member", boardId, read: true, write: true);
        using var client = world.ClientFor(writer);

        var response = await client.PatchJsonAsync($"/api/v1/boards/{boardId}", new { name = "Renamed", objective = "New aim", max_agents = 5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Renamed", body.GetProperty("name").GetString());
        Assert.Equal("A board", body.GetProperty("description").GetString());
        Assert.Equal("New aim", body.GetProperty("objective").GetString());
        Assert.Equal(5, body.GetProperty("max_agents").GetInt32());
        Assert.True(body.GetProperty("only_lead_can_change_status").GetBoolean());
        Assert.Equal("Renamed", (await world.Service<BoardQueries>().GetAsync(boardId))!.Name);
    }

    [Theory]
    [InlineData("""{"gateway_id": null}""", "gateway_id is required")]
    [InlineData("""{"description": null, "name": "x"}""", "description is required")]
    [InlineData("""{"description": "  "}""", "description is required")]
    public async Task Given_a_patch_that_removes_the_gateway_or_description_When_sent_Then_422_and_the_board_is_unchanged(string patch, string detail)
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        using var client = world.ClientFor(organization.Owner);
        var before = await world.StoredStateAsync(organization.Id);

        var response = await client.PatchAsync($"/api/v1/boards/{boardId}", Responses.Json(patch));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(detail, await response.DetailAsync());
        Assert.Equal(before, await world.StoredStateAsync(organization.Id));
    }

    [Fact]
    public async Task Given_a_board_When_moved_to_a_gateway_without_main_agent_or_of_another_organization_Then_422_and_it_stays()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        var bare = await BareGatewayAsync(organization);
        var foreign = await world.NewGatewayAsync(await world.NewOrganizationAsync("Other"));
        using var client = world.ClientFor(organization.Owner);
        var before = await world.StoredStateAsync(organization.Id);

        var toBare = await client.PatchJsonAsync($"/api/v1/boards/{boardId}", new { gateway_id = bare });
        var toForeign = await client.PatchJsonAsync($"/api/v1/boards/{boardId}", new { gateway_id = foreign });

        Assert.Equal("gateway must have a gateway main agent before boards can be created or updated", await toBare.DetailAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toForeign.StatusCode);
        Assert.Equal("gateway_id is invalid", await toForeign.DetailAsync());
        Assert.Equal(before, await world.StoredStateAsync(organization.Id));
    }

    [Fact]
    public async Task Given_a_board_with_a_lead_and_a_worker_When_deleted_Then_both_leave_the_gateway_and_the_board_is_gone()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var boardId = await world.NewBoardAsync(organization, gatewayId, rules: new MissionControl.GrainInterfaces.Boards.WorkflowRules(MaxAgents: 3));
        var lead = await world.NewAgentAsync(boardId, "Lead", lead: true);
        var worker = await world.NewAgentAsync(boardId, "Walker");
        using var client = world.ClientFor(organization.Owner);

        var response = await client.DeleteAsync($"/api/v1/boards/{boardId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.False(world.Gateway.State.HasAgent($"lead-{boardId}"));
        Assert.False(world.Gateway.State.HasAgent($"mc-{worker.Id}"));
        Assert.Null(await world.Grain<IAgentGrain>(lead.Id).Get());
        Assert.Null(await world.Grain<IAgentGrain>(worker.Id).Get());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/boards/{boardId}")).StatusCode);
        Assert.True(world.Gateway.State.HasAgent($"mc-gateway-{gatewayId}"));
    }

    [Fact]
    public async Task Given_a_gateway_that_refuses_to_remove_an_agent_When_the_board_is_deleted_Then_502_the_board_stays_and_a_retry_finishes()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        var worker = await world.NewAgentAsync(boardId, "Stubborn");
        using var client = world.ClientFor(organization.Owner);

        world.Gateway.Faults.Fail("agents.delete", "workspace is locked");
        var refused = await client.DeleteAsync($"/api/v1/boards/{boardId}");
        var stillThere = await client.GetAsync($"/api/v1/boards/{boardId}");
        var retried = await client.DeleteAsync($"/api/v1/boards/{boardId}");

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal("Gateway cleanup failed: agents.delete: workspace is locked", await refused.DetailAsync());
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(world.Gateway.State.HasAgent($"mc-{worker.Id}"));
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()!)];

    /// <summary>A registered gateway whose main agent was never created.</summary>
    private async Task<Guid> BareGatewayAsync(TestOrganization organization)
    {
        var gatewayId = Guid.NewGuid();
        await world.Grain<IGatewayGrain>(gatewayId).Register(
            new NewGateway(organization.Id, "Bare", world.Gateway.Url.ToString(), "/srv/bare") { Token = world.Gateway.Token });
        return gatewayId;
    }
}
