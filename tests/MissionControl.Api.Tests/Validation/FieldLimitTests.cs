using System.Net;
using MissionControl.Api.Tests.Gateways;
using MissionControl.Api.Tests.Support;
using MissionControl.Grains.Common;

namespace MissionControl.Api.Tests.Validation;

/// <summary>
/// Every route checks a field against the one table of limits (<see cref="FieldLimits"/>), and
/// reports every violation of a body at once: a name is as long on one route as on another.
/// </summary>
public sealed class FieldLimitTests(World world) : IClassFixture<World>
{
    private static readonly string TooLongName = new('n', FieldLimits.Name + 1);

    public static TheoryData<string, string, string> NamedBodies() => new()
    {
        // {g} gateway, {b} board, {a} agent, {url} the fake gateway, NAME the name to try
        { "POST", "/api/v1/gateways", """{"name": "NAME", "url": "{url}", "workspace_root": "/srv"}""" },
        { "PATCH", "/api/v1/gateways/{g}", """{"name": "NAME"}""" },
        { "POST", "/api/v1/boards", """{"name": "NAME", "description": "d", "gateway_id": "{g}"}""" },
        { "PATCH", "/api/v1/boards/{b}", """{"name": "NAME"}""" },
        { "POST", "/api/v1/agents", """{"name": "NAME", "board_id": "{b}"}""" },
        { "PATCH", "/api/v1/agents/{a}", """{"name": "NAME"}""" },
        { "POST", "/api/v1/agents/heartbeat", """{"name": "NAME", "board_id": "{b}"}""" },
        { "POST", "/api/v1/organizations", """{"name": "NAME"}""" },
        { "PATCH", "/api/v1/users/me", """{"name": "NAME"}""" },
    };

    [Theory]
    [MemberData(nameof(NamedBodies))]
    public async Task A_name_one_character_over_the_limit_is_refused_alike_on_every_route(string method, string route, string body)
    {
        var scene = await SceneAsync();
        var before = await world.StoredStateAsync(scene.Organization.Id);
        using var client = world.ClientFor(scene.Organization.Owner);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Fill(route, scene))
        {
            Content = Responses.Json(Fill(body, scene).Replace("NAME", TooLongName)),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.name", "string_too_long")], await response.IssuesAsync());
        Assert.Equal(before, await world.StoredStateAsync(scene.Organization.Id));
    }

    [Fact]
    public async Task A_name_exactly_at_the_limit_is_taken()
    {
        var scene = await SceneAsync();
        using var client = world.ClientFor(scene.Organization.Owner);
        var name = Guid.NewGuid().ToString("N").PadRight(FieldLimits.Name, 'n');

        var board = await client.PostAsync("/api/v1/boards", Responses.Json(
            $$"""{"name": "{{name}}", "description": "d", "gateway_id": "{{scene.GatewayId}}"}"""));
        var user = await client.PatchAsync("/api/v1/users/me", Responses.Json($$"""{"name": "{{name}}"}"""));
        // Last: the new organization becomes the active one.
        var organization = await client.PostAsync("/api/v1/organizations", Responses.Json($$"""{"name": "{{name}}"}"""));

        foreach (var response in new[] { board, user, organization })
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.Equal(name, (await response.JsonAsync()).GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Every_violation_of_a_body_is_reported_at_once()
    {
        var scene = await SceneAsync();
        var before = await world.StoredStateAsync(scene.Organization.Id);
        using var client = world.ClientFor(scene.Organization.Owner);
        var body = $$"""
            {"name": "{{TooLongName}}", "description": "{{new string('d', FieldLimits.Text + 1)}}",
             "gateway_id": "{{scene.GatewayId}}", "board_type": "two\nlines", "max_agents": -1}
            """;

        var response = await client.PostAsync("/api/v1/boards", Responses.Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            [("body.name", "string_too_long"), ("body.description", "string_too_long"),
             ("body.board_type", "string_pattern_mismatch"), ("body.max_agents", "greater_than_equal")],
            await response.IssuesAsync());
        Assert.Equal(before, await world.StoredStateAsync(scene.Organization.Id));
    }

    [Fact]
    public async Task A_failing_list_item_is_reported_at_its_index()
    {
        var scene = await SceneAsync();
        using var client = world.ClientFor(scene.Organization.Owner);
        var body = $$"""{"content": "hello", "tags": ["fine", "{{new string('t', FieldLimits.Label + 1)}}"]}""";

        var response = await client.PostAsync($"/api/v1/boards/{scene.BoardId}/memory", Responses.Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.tags.1", "string_too_long")], await response.IssuesAsync());
    }

    [Fact]
    public async Task An_identity_profile_entry_is_reported_under_its_key()
    {
        var scene = await SceneAsync();
        using var client = world.ClientFor(scene.Organization.Owner);
        var body = $$"""{"name": "Scout", "board_id": "{{scene.BoardId}}", """ + "\"identity_profile\": {\"role\": \"ok\", \"style\": {\"nested\": true}}}";

        var response = await client.PostAsync("/api/v1/agents", Responses.Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.identity_profile.style", "value_error")], await response.IssuesAsync());
    }

    private string Fill(string text, Scene scene) => text
        .Replace("{g}", scene.GatewayId.ToString())
        .Replace("{b}", scene.BoardId.ToString())
        .Replace("{a}", scene.AgentId.ToString())
        .Replace("{url}", world.Gateway.Url.ToString());

    private async Task<Scene> SceneAsync()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var boardId = await world.NewBoardAsync(organization, gatewayId);
        var agent = await world.NewAgentAsync(boardId);
        return new Scene(organization, gatewayId, boardId, agent.Id);
    }

    private sealed record Scene(TestOrganization Organization, Guid GatewayId, Guid BoardId, Guid AgentId);
}
