using System.Net;
using System.Text;
using MissionControl.Api.Tests.Gateways;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Boards;

/// <summary>
/// Every mutating gateway and board route, fed malformed JSON, wrong types, missing fields, 1 MB
/// strings, unknown ids and path-traversal names: each is refused with a 4xx (never a 5xx), and
/// nothing stored or sent to the gateway changes.
/// </summary>
public sealed class GatewayAndBoardBadInputTests(World world) : IClassFixture<World>
{
    private static readonly string Huge = new('x', 1_000_000);

    public static TheoryData<string, string, string, string?> Requests() => new()
    {
        // route template: {g} gateway, {b} board, {s} the gateway-main session key
        { "POST", "/api/v1/gateways", "{", null },
        { "POST", "/api/v1/gateways", """{"name": 42, "url": "ws://127.0.0.1:1", "workspace_root": "/srv"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "ws://127.0.0.1:1", "workspace_root": "/srv", "allow_insecure_tls": "yes"}""", null },
        { "POST", "/api/v1/gateways", "{}", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "workspace_root": "/srv"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "HUGE", "url": "{url}", "workspace_root": "/srv"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "ws://h/HUGE", "workspace_root": "/srv"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "{url}", "workspace_root": "/HUGE"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "{url}", "workspace_root": "/srv", "token": "HUGE"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "{url}", "workspace_root": "../../etc"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "{url}", "workspace_root": "/srv/../../etc"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "{url}", "workspace_root": "workspaces"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "../../etc", "url": "{url}", "workspace_root": "/srv"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "../../etc", "workspace_root": "/srv"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "n", "url": "http://example.test", "workspace_root": "/srv"}""", null },
        { "POST", "/api/v1/gateways", """{"name": "  ", "url": "{url}", "workspace_root": "/srv"}""", null },
        { "PATCH", "/api/v1/gateways/{g}", "{", null },
        { "PATCH", "/api/v1/gateways/{g}", """{"allow_insecure_tls": "no"}""", null },
        { "PATCH", "/api/v1/gateways/{g}", """{"name": ["a"]}""", null },
        { "PATCH", "/api/v1/gateways/{g}", """{"name": "HUGE"}""", null },
        { "PATCH", "/api/v1/gateways/{g}", """{"token": "HUGE"}""", null },
        { "PATCH", "/api/v1/gateways/{g}", """{"workspace_root": "../../etc"}""", null },
        { "PATCH", "/api/v1/gateways/{g}", """{"name": "../../etc"}""", null },
        { "PATCH", "/api/v1/gateways/{g}", """{"name": ""}""", null },
        { "PATCH", "/api/v1/gateways/{g}", """{"url": "ftp://example.test"}""", null },
        { "PATCH", "/api/v1/gateways/00000000-0000-0000-0000-000000000001", """{"name": "x"}""", "Gateway not found" },
        { "PATCH", "/api/v1/gateways/..%2F..%2Fetc", """{"name": "x"}""", null },
        { "DELETE", "/api/v1/gateways/00000000-0000-0000-0000-000000000001", "", "Gateway not found" },
        { "DELETE", "/api/v1/gateways/not-a-uuid", "", null },
        { "POST", "/api/v1/gateways/{g}/templates/sync?include_main=sometimes", "", null },
        { "POST", "/api/v1/gateways/{g}/templates/sync?board_id=../../etc", "", null },
        { "POST", "/api/v1/gateways/00000000-0000-0000-0000-000000000001/templates/sync", "", "Gateway not found" },
        { "POST", "/api/v1/gateways/sessions/{s}/message?board_id={b}", "{", null },
        { "POST", "/api/v1/gateways/sessions/{s}/message?board_id={b}", """{"content": 5}""", null },
        { "POST", "/api/v1/gateways/sessions/{s}/message?board_id={b}", "{}", null },
        { "POST", "/api/v1/gateways/sessions/{s}/message?board_id={b}", """{"content": "HUGE"}""", null },
        { "POST", "/api/v1/gateways/sessions/{s}/message?board_id=00000000-0000-0000-0000-000000000001", """{"content": "hi"}""", "Board not found" },
        { "POST", "/api/v1/gateways/sessions/{s}/message?board_id=../../etc", """{"content": "hi"}""", null },
        { "POST", "/api/v1/gateways/sessions/..%2F..%2Fetc/message?board_id={b}", """{"content": "hi"}""", null },
        { "POST", "/api/v1/gateways/sessions/main/message?board_id={b}", """{"content": "hi"}""", null },
        { "POST", "/api/v1/boards", "{", null },
        { "POST", "/api/v1/boards", """{"name": 1, "description": "d", "gateway_id": "{g}"}""", null },
        { "POST", "/api/v1/boards", "{}", null },
        { "POST", "/api/v1/boards", """{"name": "HUGE", "description": "d", "gateway_id": "{g}"}""", null },
        { "POST", "/api/v1/boards", """{"name": "n", "description": "HUGE", "gateway_id": "{g}"}""", null },
        { "POST", "/api/v1/boards", """{"name": "n", "description": "d", "objective": "HUGE", "gateway_id": "{g}"}""", null },
        { "POST", "/api/v1/boards", """{"name": "n", "description": "d", "gateway_id": "../../etc"}""", null },
        { "POST", "/api/v1/boards", """{"name": "n", "description": "d", "gateway_id": "00000000-0000-0000-0000-000000000001"}""", "gateway_id is invalid" },
        { "POST", "/api/v1/boards", """{"name": "../../etc", "description": "d", "gateway_id": "{g}"}""", null },
        { "POST", "/api/v1/boards", """{"name": "n", "description": "d", "gateway_id": "{g}", "max_agents": -1}""", null },
        { "POST", "/api/v1/boards", """{"name": "n", "description": "d", "gateway_id": "{g}", "max_agents": "many"}""", null },
        { "POST", "/api/v1/boards", """{"name": "n", "description": "d", "gateway_id": "{g}", "board_type": "weird"}""", "board_type must be goal or general" },
        { "PATCH", "/api/v1/boards/{b}", "{", null },
        { "PATCH", "/api/v1/boards/{b}", "[]", null },
        { "PATCH", "/api/v1/boards/{b}", "null", null },
        { "PATCH", "/api/v1/boards/{b}", """{"max_agents": "x"}""", null },
        { "PATCH", "/api/v1/boards/{b}", """{"max_agents": -1}""", null },
        { "PATCH", "/api/v1/boards/{b}", """{"name": "HUGE"}""", null },
        { "PATCH", "/api/v1/boards/{b}", """{"description": "HUGE"}""", null },
        { "PATCH", "/api/v1/boards/{b}", """{"name": "../../etc"}""", null },
        { "PATCH", "/api/v1/boards/{b}", """{"gateway_id": "../../etc"}""", null },
        { "PATCH", "/api/v1/boards/{b}", """{"gateway_id": "00000000-0000-0000-0000-000000000001"}""", "gateway_id is invalid" },
        { "PATCH", "/api/v1/boards/00000000-0000-0000-0000-000000000001", """{"name": "x"}""", "Board not found" },
        { "PATCH", "/api/v1/boards/not-a-uuid", """{"name": "x"}""", null },
        { "DELETE", "/api/v1/boards/00000000-0000-0000-0000-000000000001", "", "Board not found" },
        { "DELETE", "/api/v1/boards/not-a-uuid", "", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_bad_request_gets_a_4xx_and_changes_nothing(string method, string route, string body, string? detail)
    {
        var scene = await SceneAsync();
        var before = await world.StoredStateAsync(scene.Organization.Id);
        var chats = ChatsReaching(scene.GatewayId);
        using var client = world.ClientFor(scene.Organization.Owner);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Fill(route, scene))
        {
            Content = body.Length == 0 ? null : new StringContent(Fill(body, scene), Encoding.UTF8, "application/json"),
        });

        Assert.InRange((int)response.StatusCode, 400, 499);
        if (detail is not null)
            Assert.Equal(detail, await response.DetailAsync());
        Assert.Equal(before, await world.StoredStateAsync(scene.Organization.Id));
        Assert.Equal(chats, ChatsReaching(scene.GatewayId));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413_and_changes_nothing()
    {
        var scene = await SceneAsync();
        var before = await world.StoredStateAsync(scene.Organization.Id);
        using var client = world.ClientFor(scene.Organization.Owner);
        var oversize = $$"""{"name": "n", "description": "{{new string('x', 1_100_000)}}", "gateway_id": "{{scene.GatewayId}}"}""";

        var response = await client.PostAsync("/api/v1/boards", new StringContent(oversize, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await world.StoredStateAsync(scene.Organization.Id));
    }

    // Messages to this scene's gateway agent, or to no Mission Control agent at all (where a bare
    // key would land). Agents of earlier scenes may be woken again meanwhile; those are not counted.
    private int ChatsReaching(Guid gatewayId) => world.Gateway.State.Chats.Count(chat =>
        chat.SessionKey.Contains(gatewayId.ToString(), StringComparison.Ordinal)
        || !(chat.SessionKey.StartsWith("agent:mc-", StringComparison.Ordinal) || chat.SessionKey.StartsWith("agent:lead-", StringComparison.Ordinal)));

    private string Fill(string text, (TestOrganization Organization, Guid GatewayId, Guid BoardId) scene) => text
        .Replace("{g}", scene.GatewayId.ToString())
        .Replace("{b}", scene.BoardId.ToString())
        .Replace("{s}", Uri.EscapeDataString($"agent:mc-gateway-{scene.GatewayId}:main"))
        .Replace("{url}", world.Gateway.Url.ToString())
        .Replace("HUGE", Huge);

    private async Task<(TestOrganization Organization, Guid GatewayId, Guid BoardId)> SceneAsync()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        await world.GatewayMainAsync(gatewayId);
        return (organization, gatewayId, await world.NewBoardAsync(organization, gatewayId));
    }
}
