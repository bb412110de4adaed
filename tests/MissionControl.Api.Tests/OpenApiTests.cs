using System.Net;
using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests;

/// <summary>The OpenAPI document agents read to find their operations by role tag.</summary>
public sealed class OpenApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_document_is_served_at_openapi_json_without_authentication()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("Mission Control API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/health", out _));
    }

    [Fact]
    public async Task Operations_carry_their_tags_including_agent_role_tags()
    {
        using var client = host.Client();

        var paths = (await (await client.GetAsync("/openapi.json")).JsonAsync()).GetProperty("paths");

        Assert.Contains("health", Tags(paths, "/healthz", "get"));
        var agentTags = Tags(paths, "/test/agent", "get");
        Assert.Contains("agent-lead", agentTags);
        Assert.Contains("agent-worker", agentTags);
        Assert.DoesNotContain("agent-main", agentTags);
    }

    [Fact]
    public async Task A_paged_operation_lists_limit_and_offset_query_parameters()
    {
        using var client = host.Client();

        var paths = (await (await client.GetAsync("/openapi.json")).JsonAsync()).GetProperty("paths");

        var parameters = paths.GetProperty("/test/page").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(parameter => (parameter.GetProperty("name").GetString(), parameter.GetProperty("in").GetString()));
        Assert.Equal([("limit", "query"), ("offset", "query")], parameters);
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("ok").GetBoolean());
    }

    private static List<string> Tags(JsonElement paths, string path, string method) =>
        [.. paths.GetProperty(path).GetProperty(method).GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()!)];
}
