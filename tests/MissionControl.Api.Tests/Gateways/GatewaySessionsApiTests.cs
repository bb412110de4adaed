using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Gateways;

/// <summary>Looking into a gateway's sessions through a board: status, sessions, history, messages and the command list.</summary>
public sealed class GatewaySessionsApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_a_board_When_its_gateway_status_is_asked_Then_connected_with_its_sessions_and_main_session()
    {
        var (organization, gatewayId, boardId) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.GetAsync($"/api/v1/gateways/status?board_id={boardId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("connected").GetBoolean());
        Assert.Equal(world.Gateway.Url.ToString(), body.GetProperty("gateway_url").GetString());
        var sessions = body.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(sessions.Count, body.GetProperty("sessions_count").GetInt32());
        Assert.Equal(MainSession(gatewayId), body.GetProperty("main_session").GetProperty("key").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("main_session_error").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Given_a_gateway_url_and_token_that_are_not_registered_When_status_is_asked_Then_it_connects_to_it_directly()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.GetAsync(
            $"/api/v1/gateways/status?gateway_url={Uri.EscapeDataString(world.Gateway.Url.ToString())}&gateway_token={world.Gateway.Token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("connected").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("main_session").ValueKind);
        Assert.DoesNotContain(world.Gateway.Token, body.GetRawText());
    }

    [Fact]
    public async Task Given_a_gateway_that_cannot_be_reached_When_status_is_asked_Then_the_failure_is_in_the_body_not_the_status_code()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        var wrongToken = await client.GetAsync($"/api/v1/gateways/status?gateway_url={Uri.EscapeDataString(world.Gateway.Url.ToString())}&gateway_token=nope");
        var notAGatewayUrl = await client.GetAsync("/api/v1/gateways/status?gateway_url=http://example.test/");

        Assert.Equal(HttpStatusCode.OK, wrongToken.StatusCode);
        var refused = await wrongToken.JsonAsync();
        Assert.False(refused.GetProperty("connected").GetBoolean());
        Assert.StartsWith("Gateway authentication failed.", refused.GetProperty("error").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, refused.GetProperty("sessions").ValueKind);
        Assert.Equal(HttpStatusCode.OK, notAGatewayUrl.StatusCode);
        Assert.Equal("url must be a ws:// or wss:// URL", (await notAGatewayUrl.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Given_a_gateway_failing_sessions_list_When_status_and_sessions_are_asked_Then_status_reports_it_and_sessions_is_502_with_the_raw_message()
    {
        var (organization, _, boardId) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);

        world.Gateway.Faults.Fail("sessions.list", "session store offline", times: 2);
        var status = await client.GetAsync($"/api/v1/gateways/status?board_id={boardId}");
        var sessions = await client.GetAsync($"/api/v1/gateways/sessions?board_id={boardId}");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.JsonAsync();
        Assert.False(body.GetProperty("connected").GetBoolean());
        Assert.Equal("sessions.list: session store offline", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadGateway, sessions.StatusCode);
        Assert.Equal("sessions.list: session store offline", await sessions.DetailAsync());
    }

    [Fact]
    public async Task Without_a_board_or_url_status_and_sessions_answer_422()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        foreach (var path in new[] { "/api/v1/gateways/status", "/api/v1/gateways/sessions", "/api/v1/gateways/sessions/agent:x:main/history" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("board_id or gateway_url is required", await response.DetailAsync());
        }
    }

    [Fact]
    public async Task Given_a_board_When_its_sessions_are_listed_and_one_is_fetched_Then_the_main_session_is_there_and_an_unknown_key_is_404()
    {
        var (organization, gatewayId, boardId) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);

        var list = await client.GetAsync($"/api/v1/gateways/sessions?board_id={boardId}");
        var one = await client.GetAsync($"/api/v1/gateways/sessions/{Uri.EscapeDataString(MainSession(gatewayId))}?board_id={boardId}");
        var unknown = await client.GetAsync($"/api/v1/gateways/sessions/agent:nobody:main?board_id={boardId}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var body = await list.JsonAsync();
        Assert.Contains(body.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("key").GetString() == MainSession(gatewayId));
        Assert.Equal(MainSession(gatewayId), body.GetProperty("main_session").GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(MainSession(gatewayId), (await one.JsonAsync()).GetProperty("session").GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Session not found", await unknown.DetailAsync());
    }

    [Fact]
    public async Task Given_a_session_When_a_message_is_sent_Then_the_gateway_gets_it_and_it_shows_in_the_history()
    {
        var (organization, gatewayId, boardId) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);
        var session = Uri.EscapeDataString(MainSession(gatewayId));
        var text = $"status report please {Guid.NewGuid():N}";

        var sent = await client.PostAsJsonAsync($"/api/v1/gateways/sessions/{session}/message?board_id={boardId}", new { content = text });
        var history = await client.GetAsync($"/api/v1/gateways/sessions/{session}/history?board_id={boardId}");

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.True((await sent.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.Contains(world.Gateway.State.Chats, chat => chat.SessionKey == MainSession(gatewayId) && chat.Message == text);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains(text, (await history.JsonAsync()).GetProperty("history").GetRawText());
    }

    [Fact]
    public async Task Given_a_session_of_an_agent_the_gateway_does_not_have_When_a_message_is_sent_Then_502_with_the_gateway_message()
    {
        var (organization, _, boardId) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PostAsJsonAsync($"/api/v1/gateways/sessions/agent:ghost:main/message?board_id={boardId}", new { content = "hello?" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("chat.send: Agent \"ghost\" no longer exists in configuration", await response.DetailAsync());
    }

    [Fact]
    public async Task Given_a_blank_or_missing_message_When_sent_Then_422_and_nothing_reaches_the_gateway()
    {
        var (organization, gatewayId, boardId) = await SceneAsync();
        using var client = world.ClientFor(organization.Owner);
        var chats = world.Gateway.State.Chats.Count(chat => chat.SessionKey == MainSession(gatewayId));
        var url = $"/api/v1/gateways/sessions/{Uri.EscapeDataString(MainSession(gatewayId))}/message?board_id={boardId}";

        var blank = await client.PostAsJsonAsync(url, new { content = "   " });
        var missing = await client.PostAsJsonAsync(url, new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Equal("content is required", await blank.DetailAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal(chats, world.Gateway.State.Chats.Count(chat => chat.SessionKey == MainSession(gatewayId)));
    }

    [Fact]
    public async Task The_command_list_names_the_protocol_and_the_methods_used()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.GetAsync("/api/v1/gateways/commands");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(3, body.GetProperty("protocol_version").GetInt32());
        var methods = body.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("sessions.list", methods);
        Assert.Contains("chat.history", methods);
        Assert.Contains("chat", body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<(TestOrganization Organization, Guid GatewayId, Guid BoardId)> SceneAsync()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        await world.GatewayMainAsync(gatewayId);
        return (organization, gatewayId, await world.NewBoardAsync(organization, gatewayId));
    }

    private static string MainSession(Guid gatewayId) => $"agent:mc-gateway-{gatewayId}:main";
}
