using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MissionControl.Api.Tests.Tasks;

/// <summary>The task and memory event streams, read frame by frame as a client would.</summary>
public sealed class BoardWorkStreamTests(BoardWorkWorld scene) : IClassFixture<BoardWorkWorld>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_a_task_stream_When_a_task_is_created_and_commented_Then_task_frames_carry_the_task_and_the_comment()
    {
        using var reader = scene.Client(scene.Reader);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await reader.GetAsync($"/api/v1/boards/{scene.BoardId}/tasks/stream?since={Uri.EscapeDataString(since)}",
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var task = await scene.NewTaskAsync(new { title = "Streamed" });
        using var owner = scene.Client(scene.Owner);
        await owner.PostAsJsonAsync($"/api/v1/boards/{scene.BoardId}/tasks/{task.Id()}/comments", new { message = "streamed comment" });

        var frames = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var created = await frames.NextAsync("task", data => data.GetProperty("type").GetString() == "task.created"
            && data.GetProperty("task").Id() == task.Id(), timeout.Token);
        var comment = await frames.NextAsync("task", data => data.GetProperty("type").GetString() == "task.comment", timeout.Token);

        Assert.Equal("Streamed", created.GetProperty("task").Str("title"));
        Assert.Equal(task.Id(), created.GetProperty("activity").GetProperty("task_id").GetGuid());
        Assert.Equal("streamed comment", comment.GetProperty("comment").Str("message"));
    }

    [Fact]
    public async Task Given_a_memory_stream_of_chat_When_a_note_and_a_chat_message_are_posted_Then_only_the_chat_one_arrives_as_a_memory_frame()
    {
        using var worker = scene.Client(scene.Worker);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await worker.GetAsync($"/api/v1/boards/{scene.BoardId}/memory/stream?is_chat=true",
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var marker = Guid.NewGuid().ToString("N");
        using var owner = scene.Client(scene.Owner);
        await owner.PostAsJsonAsync($"/api/v1/boards/{scene.BoardId}/memory", new { content = $"note {marker}" });
        await owner.PostAsJsonAsync($"/api/v1/boards/{scene.BoardId}/memory", new { content = $"chat {marker}", tags = new[] { "chat" } });

        var frames = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var memory = await frames.NextAsync("memory", data => data.GetProperty("memory").Str("content").EndsWith(marker, StringComparison.Ordinal), timeout.Token);

        Assert.Equal($"chat {marker}", memory.GetProperty("memory").Str("content"));
        Assert.True(memory.GetProperty("memory").GetProperty("is_chat").GetBoolean());
    }

    [Fact]
    public async Task Given_a_member_without_a_grant_or_an_outsider_When_they_open_the_streams_Then_403_and_404()
    {
        using var noGrant = scene.Client(scene.NoGrant);
        using var outsider = scene.Client(scene.Outsider);

        var denied = await noGrant.GetAsync($"/api/v1/boards/{scene.BoardId}/tasks/stream", HttpCompletionOption.ResponseHeadersRead);
        var hidden = await outsider.GetAsync($"/api/v1/boards/{scene.BoardId}/memory/stream", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (denied.StatusCode, hidden.StatusCode));
    }

    /// <summary>Reads <c>event:</c>/<c>data:</c> frames from a server-sent event stream.</summary>
    private sealed class SseReader(Stream stream)
    {
        private readonly StreamReader _reader = new(stream);

        /// <summary>The data of the next frame named <paramref name="name"/> that <paramref name="match"/> accepts.</summary>
        public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool> match, CancellationToken ct)
        {
            string? eventName = null;
            while (await _reader.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    eventName = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == name)
                {
                    var data = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                    if (match(data))
                        return data;
                }
            }

            throw new InvalidOperationException($"The stream ended before a matching {name} frame.");
        }
    }
}
