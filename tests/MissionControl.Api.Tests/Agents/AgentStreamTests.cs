using System.Net;
using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Agents;

/// <summary><c>GET /api/v1/agents/stream</c>: server-sent <c>agent</c> frames for agents that change.</summary>
public sealed class AgentStreamTests(World world) : IClassFixture<World>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_an_open_stream_When_a_board_agent_sends_a_heartbeat_Then_an_agent_frame_shows_it_online()
    {
        var scene = await AgentScene.CreateAsync(world);
        using var client = scene.AdminClient();
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await client.GetAsync(
            $"/api/v1/agents/stream?board_id={scene.BoardId}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var reader = new StreamReader(body);

        await scene.ClientFor(scene.Worker).PostAsync("/api/v1/agent/heartbeat", null);
        var agent = await NextAgentFrameAsync(reader, frame => frame.GetProperty("id").GetString() == scene.Worker.Id.ToString(), timeout.Token);

        Assert.Equal("online", agent.GetProperty("status").GetString());
        Assert.Equal(scene.BoardId.ToString(), agent.GetProperty("board_id").GetString());
    }

    [Fact]
    public async Task Given_a_since_in_the_past_When_streaming_Then_agents_changed_since_then_come_first_and_other_organizations_never()
    {
        var foreign = await AgentScene.CreateAsync(world);
        var scene = await AgentScene.CreateAsync(world);
        var since = DateTime.UtcNow.AddMinutes(-5).ToString("O");
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await scene.AdminClient().GetAsync(
            $"/api/v1/agents/stream?since={Uri.EscapeDataString(since)}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var reader = new StreamReader(body);
        var expected = new HashSet<string> { scene.Lead.Id.ToString(), scene.Worker.Id.ToString(), scene.Main.Id.ToString() };
        var seen = new HashSet<string>();

        while (!expected.IsSubsetOf(seen))
            seen.Add((await NextAgentFrameAsync(reader, _ => true, timeout.Token)).GetProperty("id").GetString()!);

        Assert.DoesNotContain(foreign.Worker.Id.ToString(), seen);
        Assert.DoesNotContain(foreign.Main.Id.ToString(), seen);
    }

    [Fact]
    public async Task Given_a_board_the_admin_may_not_read_When_streaming_it_Then_403_before_any_frame()
    {
        var scene = await AgentScene.CreateAsync(world);
        var narrow = await world.AddMemberAsync(scene.Organization, "admin");

        var response = await world.ClientFor(narrow).GetAsync($"/api/v1/agents/stream?board_id={scene.BoardId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>Reads frames until an <c>agent</c> frame whose agent matches; returns that agent.</summary>
    private static async Task<JsonElement> NextAgentFrameAsync(StreamReader reader, Func<JsonElement, bool> wanted, CancellationToken ct)
    {
        string? eventName = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(ct) ?? throw new EndOfStreamException("The stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                eventName = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "agent")
            {
                var agent = JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("agent");
                if (wanted(agent))
                    return agent;
            }
            else if (line.Length == 0)
                eventName = null;
        }
    }
}
