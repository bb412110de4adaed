using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Agents;

/// <summary>
/// Every mutating agent route against malformed JSON, wrong types, missing fields, 1 MB strings,
/// unknown ids and path-like names: each answer is a 4xx, and nothing about the agents, their
/// workspaces or their sessions changes.
/// </summary>
public sealed class AgentBadInputTests(World world) : IClassFixture<World>
{
    private static readonly string Huge = new('x', 1_000_000);

    [Fact]
    public async Task Given_bad_bodies_When_creating_agents_as_admin_or_lead_Then_4xx_and_no_new_agent()
    {
        var scene = await AgentScene.CreateAsync(world);
        var before = await SnapshotAsync(scene);
        var board = scene.BoardId;
        string[] bodies =
        [
            "{\"name\": ", "[]", "\"Scout\"", "{}", "{\"name\": null, \"board_id\": \"" + board + "\"}",
            "{\"name\": 42, \"board_id\": \"" + board + "\"}",
            "{\"name\": \"Scout\", \"board_id\": \"not-a-uuid\"}",
            "{\"name\": \"Scout\", \"board_id\": \"" + Guid.NewGuid() + "\"}",
            "{\"name\": \"Scout\", \"board_id\": \"" + board + "\", \"heartbeat_config\": \"often\"}",
            "{\"name\": \"Scout\", \"board_id\": \"" + board + "\", \"identity_profile\": {\"role\": {\"nested\": true}}}",
            "{\"name\": \"Scout\", \"board_id\": \"" + board + "\", \"identity_profile\": [\"role\"]}",
            Json(new { name = Huge, board_id = board }),
            Json(new { name = "Scout", board_id = board, soul_template = Huge }),
            Json(new { name = "Scout", board_id = board, identity_template = Huge }),
            Json(new { name = "Scout", board_id = board, status = Huge }),
            Json(new { name = "Scout", board_id = board, identity_profile = new { role = Huge } }),
            Json(new { name = "Scout", board_id = board, heartbeat_config = new { every = Huge } }),
            Json(new { name = "Scout", board_id = board, soul_template = "{{#if}}" }),
            Json(new { name = "../../x", board_id = board }),
            Json(new { name = "..\\..\\x", board_id = board }),
            Json(new { name = "line\nbreak", board_id = board }),
            Json(new { name = "   ", board_id = board }),
            "{\"name\": \"Scout\", \"board_id\": \"" + board + "\", \"soul_template\": \"" + new string('y', 1_100_000) + "\"}",
        ];
        using var admin = scene.AdminClient();
        using var lead = scene.ClientFor(scene.Lead);

        var failures = new List<string>();
        foreach (var body in bodies)
        {
            await ExpectClientError(failures, admin, HttpMethod.Post, "/api/v1/agents", body);
            await ExpectClientError(failures, lead, HttpMethod.Post, "/api/v1/agent/agents", body);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync(scene));
    }

    [Fact]
    public async Task Given_bad_bodies_and_ids_When_patching_an_agent_Then_4xx_and_the_agent_is_unchanged()
    {
        var scene = await AgentScene.CreateAsync(world);
        var before = await SnapshotAsync(scene);
        var path = $"/api/v1/agents/{scene.Worker.Id}";
        string[] bodies =
        [
            "{\"name\": ", "[]", "{\"name\": 42}", "{\"is_gateway_main\": \"yes\"}", "{\"board_id\": \"nope\"}",
            "{\"board_id\": \"" + Guid.NewGuid() + "\"}", "{\"heartbeat_config\": [1, 2]}",
            "{\"identity_profile\": {\"a\": {\"b\": 1}}}", "{\"status\": \"online\"}", "{\"name\": \"   \"}",
            Json(new { name = Huge }), Json(new { soul_template = Huge }), Json(new { identity_template = Huge }),
            Json(new { identity_profile = new { role = Huge } }), Json(new { name = "../../x" }),
            Json(new { identity_template = "{{unknown_variable}}" }), Json(new { name = "Lead Agent" }),
        ];
        using var admin = scene.AdminClient();

        var failures = new List<string>();
        foreach (var body in bodies)
            await ExpectClientError(failures, admin, HttpMethod.Patch, path, body);
        await ExpectClientError(failures, admin, HttpMethod.Patch, $"/api/v1/agents/{Guid.NewGuid()}", "{\"name\": \"Ghost\"}");
        await ExpectClientError(failures, admin, HttpMethod.Patch, "/api/v1/agents/..%2F..%2Fx", "{\"name\": \"Ghost\"}");
        await ExpectClientError(failures, admin, HttpMethod.Patch, $"{path}?force=maybe", "{}");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync(scene));
    }

    [Fact]
    public async Task Given_bad_heartbeats_When_sent_by_users_and_agents_Then_4xx_and_no_heartbeat_or_agent_is_recorded()
    {
        var scene = await AgentScene.CreateAsync(world);
        var before = await SnapshotAsync(scene);
        var byId = $"/api/v1/agents/{scene.Worker.Id}/heartbeat";
        string[] heartbeats = ["{\"status\": ", "[]", "{\"status\": 5}", Json(new { status = Huge }), "{\"status\": \"deleted\"}", "{\"status\": \"deleting\"}"];
        string[] byName =
        [
            "{\"name\": ", "{}", "{\"name\": 5}", "{\"name\": \"Walker\", \"board_id\": 7}", Json(new { name = Huge }),
            Json(new { name = "Walker", board_id = scene.BoardId, status = Huge }), Json(new { name = "../../x", board_id = scene.BoardId }),
        ];
        using var admin = scene.AdminClient();
        using var worker = scene.ClientFor(scene.Worker);

        var failures = new List<string>();
        foreach (var body in heartbeats)
        {
            await ExpectClientError(failures, admin, HttpMethod.Post, byId, body);
            await ExpectClientError(failures, worker, HttpMethod.Post, byId, body);
        }

        foreach (var body in byName)
        {
            await ExpectClientError(failures, admin, HttpMethod.Post, "/api/v1/agents/heartbeat", body);
            await ExpectClientError(failures, worker, HttpMethod.Post, "/api/v1/agents/heartbeat", body);
        }

        await ExpectClientError(failures, admin, HttpMethod.Post, $"/api/v1/agents/{Guid.NewGuid()}/heartbeat", "{}");
        await ExpectClientError(failures, admin, HttpMethod.Post, "/api/v1/agents/heartbeat", Json(new { name = "Stranger", board_id = Guid.NewGuid() }));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync(scene));
    }

    [Fact]
    public async Task Given_bad_nudges_and_souls_When_a_lead_sends_them_Then_4xx_and_no_message_or_file_changes()
    {
        var scene = await AgentScene.CreateAsync(world);
        var before = await SnapshotAsync(scene);
        var root = $"/api/v1/agent/boards/{scene.BoardId}/agents";
        string[] nudges = ["{\"message\": ", "{}", "{\"message\": null}", "{\"message\": []}", "{\"message\": \"  \"}", Json(new { message = Huge })];
        string[] souls =
        [
            "{\"content\": ", "{}", "{\"content\": {}}", "{\"content\": \"\"}", Json(new { content = Huge }),
            Json(new { content = "ok", reason = Huge }), Json(new { content = "{{#each}}" }),
        ];
        using var lead = scene.ClientFor(scene.Lead);

        var failures = new List<string>();
        foreach (var body in nudges)
            await ExpectClientError(failures, lead, HttpMethod.Post, $"{root}/{scene.Worker.Id}/nudge", body);
        foreach (var body in souls)
            await ExpectClientError(failures, lead, HttpMethod.Put, $"{root}/{scene.Worker.Id}/soul", body);
        foreach (var (method, suffix, body) in new[]
        {
            (HttpMethod.Post, $"{Guid.NewGuid()}/nudge", "{\"message\": \"hi\"}"),
            (HttpMethod.Put, $"{Guid.NewGuid()}/soul", "{\"content\": \"# x\"}"),
            (HttpMethod.Post, "..%2F..%2Fx/nudge", "{\"message\": \"hi\"}"),
            (HttpMethod.Put, "../../x/soul", "{\"content\": \"# x\"}"),
        })
        {
            await ExpectClientError(failures, lead, method, $"{root}/{suffix}", body);
        }

        await ExpectClientError(failures, lead, HttpMethod.Post, $"/api/v1/agent/boards/{Guid.NewGuid()}/agents/{scene.Worker.Id}/nudge", "{\"message\": \"hi\"}");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync(scene));
    }

    [Fact]
    public async Task Given_unknown_or_path_like_ids_When_deleting_Then_nothing_is_deleted()
    {
        var scene = await AgentScene.CreateAsync(world);
        var before = await SnapshotAsync(scene);
        using var admin = scene.AdminClient();
        using var lead = scene.ClientFor(scene.Lead);
        var failures = new List<string>();

        var unknown = await admin.DeleteAsync($"/api/v1/agents/{Guid.NewGuid()}");
        await ExpectClientError(failures, admin, HttpMethod.Delete, "/api/v1/agents/..%2F..%2Fx", null);
        await ExpectClientError(failures, admin, HttpMethod.Delete, "/api/v1/agents/not-an-id", null);
        await ExpectClientError(failures, lead, HttpMethod.Delete, $"/api/v1/agent/boards/{scene.BoardId}/agents/{Guid.NewGuid()}", null);
        await ExpectClientError(failures, lead, HttpMethod.Delete, $"/api/v1/agent/boards/{Guid.NewGuid()}/agents/{scene.Worker.Id}", null);
        await ExpectClientError(failures, lead, HttpMethod.Delete, $"/api/v1/agent/boards/{scene.BoardId}/agents/..%2F..%2Fx", null);

        Assert.Equal(System.Net.HttpStatusCode.OK, unknown.StatusCode);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync(scene));
    }

    /// <summary>Everything a bad request could have changed: agents, their versions, gateway chats and files.</summary>
    private async Task<string> SnapshotAsync(AgentScene scene)
    {
        var agents = await scene.AgentsAsync();
        var lines = new List<string>();
        foreach (var agent in agents.OrderBy(agent => agent.Id))
        {
            var snapshot = (await scene.Grain(agent.Id).Get())!;
            var files = world.Gateway.State.FilesOf(snapshot.SessionKey.Split(':')[1]);
            lines.Add($"{agent.Id} v{snapshot.Version} {snapshot.Name} {snapshot.Status} soul={files.GetValueOrDefault("SOUL.md")?.GetHashCode()}");
        }

        lines.Add($"chats={world.Gateway.State.Chats.Count(chat => agents.Any(agent => chat.SessionKey.Contains(agent.Id.ToString())))}");
        return string.Join('\n', lines);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static async Task ExpectClientError(List<string> failures, HttpClient client, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = Responses.Json(body);
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500)
            failures.Add($"{method} {path} {Describe(body)}: {status}");
    }

    private static string Describe(string? body) => body is null ? "(no body)" : body.Length > 80 ? body[..80] + "…" : body;
}
