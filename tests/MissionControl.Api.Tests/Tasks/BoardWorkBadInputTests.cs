using System.Net.Http.Json;
using System.Text;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Tasks;

/// <summary>
/// Every mutating task, comment and memory route gets malformed JSON, wrong types, missing
/// fields, megabyte strings, unknown ids and path-like ids: each answer is a 4xx (never a 5xx)
/// and nothing changes.
/// </summary>
public sealed class BoardWorkBadInputTests(BoardWorkWorld scene) : IClassFixture<BoardWorkWorld>
{
    private static readonly string Megabyte = new('x', 1_000_000);
    private static readonly string OverLimit = new('x', 1_100_000);

    /// <summary>What every JSON route must refuse, for its main text field.</summary>
    private static IEnumerable<string> Common(string field) =>
    [
        "{\"title\": ",
        "not json",
        "[]",
        "\"just a string\"",
        $"{{\"{field}\": 42}}",
        $"{{\"{field}\": {{\"nested\": true}}}}",
        $"{{\"{field}\": [\"a\"]}}",
        $"{{\"{field}\": \"{Megabyte}\"}}",
        $"{{\"{field}\": \"{OverLimit}\"}}",
    ];

    private static IEnumerable<string> TaskCreates() =>
    [
        .. Common("title"),
        "{}",
        "{\"title\": \"   \"}",
        "{\"title\": null}",
        "{\"title\": \"ok\", \"status\": \"../../\"}",
        "{\"title\": \"ok\", \"status\": 7}",
        "{\"title\": \"ok\", \"due_at\": \"yesterday\"}",
        "{\"title\": \"ok\", \"depends_on_task_ids\": [\"not-a-uuid\"]}",
        "{\"title\": \"ok\", \"depends_on_task_ids\": \"" + Guid.NewGuid() + "\"}",
        "{\"title\": \"ok\", \"depends_on_task_ids\": [\"" + Guid.NewGuid() + "\"]}",
        "{\"title\": \"ok\", \"assigned_agent_id\": \"" + Guid.NewGuid() + "\"}",
        "{\"title\": \"ok\", \"assigned_agent_id\": \"../../etc/passwd\"}",
        "{\"title\": \"ok\", \"tag_ids\": [\"" + Guid.NewGuid() + "\"]}",
        "{\"title\": \"ok\", \"custom_field_values\": {\"../x\": 1}}",
    ];

    private static IEnumerable<string> TaskPatches(string field) =>
    [
        .. Common(field),
        "{\"status\": \"../../\"}",
        "{\"status\": 7}",
        "{\"status\": \"in_progress\", \"title\": \"   \"}",
        "{\"due_at\": \"yesterday\"}",
        "{\"depends_on_task_ids\": [\"not-a-uuid\"]}",
        "{\"depends_on_task_ids\": [\"" + Guid.NewGuid() + "\"]}",
        "{\"assigned_agent_id\": \"" + Guid.NewGuid() + "\"}",
        "{\"assigned_agent_id\": \"../../etc/passwd\"}",
        "{\"custom_field_values\": {\"sprint\": 1}}",
        "{\"custom_field_values\": \"x\"}",
    ];

    private static IEnumerable<string> Texts(string field) =>
    [
        .. Common(field),
        "{}",
        $"{{\"{field}\": \"   \"}}",
        $"{{\"{field}\": null}}",
    ];

    private static IEnumerable<string> MemoryPosts() =>
    [
        .. Texts("content"),
        "{\"content\": \"ok\", \"tags\": \"chat\"}",
        "{\"content\": \"ok\", \"tags\": [1, 2]}",
        "{\"content\": \"ok\", \"tags\": [\"" + new string('t', 1000) + "\"]}",
        "{\"content\": \"ok\", \"source\": \"" + new string('s', 1000) + "\"}",
    ];

    [Fact]
    public async Task Given_bad_bodies_When_sent_to_every_mutating_route_Then_4xx_never_5xx_and_nothing_changes()
    {
        var task = await scene.NewTaskAsync(new { title = "Target", assigned_agent_id = scene.Worker.Id, status = "in_progress" });
        var before = await StateAsync(task.Id());
        var unknownTask = Guid.NewGuid();
        var routes = new (HttpClient Client, HttpMethod Method, string Path, IEnumerable<string> Bodies)[]
        {
            (scene.Client(scene.Owner), HttpMethod.Post, $"/api/v1/boards/{scene.BoardId}/tasks", TaskCreates()),
            (scene.Client(scene.Owner), HttpMethod.Patch, $"/api/v1/boards/{scene.BoardId}/tasks/{task.Id()}", TaskPatches("description")),
            (scene.Client(scene.Owner), HttpMethod.Patch, $"/api/v1/boards/{scene.BoardId}/tasks/{unknownTask}", ["{\"status\": \"done\"}", .. TaskPatches("title")]),
            (scene.Client(scene.Owner), HttpMethod.Post, $"/api/v1/boards/{scene.BoardId}/tasks/{task.Id()}/comments", Texts("message")),
            (scene.Client(scene.Owner), HttpMethod.Post, $"/api/v1/boards/{scene.BoardId}/tasks/{unknownTask}/comments", ["{\"message\": \"ok\"}", .. Texts("message")]),
            (scene.Client(scene.Owner), HttpMethod.Post, $"/api/v1/boards/{scene.BoardId}/memory", MemoryPosts()),
            (scene.Client(scene.Owner), HttpMethod.Post, $"/api/v1/boards/{Guid.NewGuid()}/memory", ["{\"content\": \"ok\"}", .. MemoryPosts()]),
            (scene.Client(scene.Lead), HttpMethod.Post, $"/api/v1/agent/boards/{scene.BoardId}/tasks", TaskCreates()),
            (scene.Client(scene.Worker), HttpMethod.Patch, $"/api/v1/agent/boards/{scene.BoardId}/tasks/{task.Id()}", TaskPatches("comment")),
            (scene.Client(scene.Worker), HttpMethod.Post, $"/api/v1/agent/boards/{scene.BoardId}/tasks/{task.Id()}/comments", Texts("message")),
            (scene.Client(scene.Worker), HttpMethod.Post, $"/api/v1/agent/boards/{scene.BoardId}/memory", MemoryPosts()),
        };
        var failures = new List<string>();

        foreach (var (client, method, path, bodies) in routes)
        {
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500)
                    failures.Add($"{method} {path} with {Describe(body)} answered {status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await StateAsync(task.Id()));
    }

    [Fact]
    public async Task Given_unknown_or_path_like_ids_When_deleting_or_patching_Then_404_or_422_and_nothing_changes()
    {
        var task = await scene.NewTaskAsync();
        var before = await StateAsync(task.Id());
        using var owner = scene.Client(scene.Owner);
        using var lead = scene.Client(scene.Lead);
        var failures = new List<string>();
        // No bare dot segment ("..", "%2e%2e"): the client resolves it before sending, so
        // ".../tasks/%2e%2e" really is a request for the board itself, which is not what this tests.
        string[] ids = [Guid.NewGuid().ToString(), "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2e", "not-a-guid", "00000000-0000-0000-0000-000000000000"];

        foreach (var id in ids)
        {
            foreach (var response in new[]
            {
                await owner.DeleteAsync($"/api/v1/boards/{scene.BoardId}/tasks/{id}"),
                await lead.DeleteAsync($"/api/v1/agent/boards/{scene.BoardId}/tasks/{id}"),
                await owner.PatchAsJsonAsync($"/api/v1/boards/{scene.BoardId}/tasks/{id}", new { status = "done" }),
                await owner.PostAsJsonAsync($"/api/v1/boards/{id}/tasks", new { title = "x" }),
                await owner.GetAsync($"/api/v1/boards/{id}/snapshot"),
            })
            {
                if ((int)response.StatusCode is < 400 or >= 500)
                    failures.Add($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await StateAsync(task.Id()));
    }

    /// <summary>What a bad request must not change: the board's tasks, the task's comments, the board's memory, the task row.</summary>
    private async Task<string> StateAsync(Guid taskId)
    {
        var tasks = await scene.Get<TaskQueries>().ListAsync(scene.BoardId, new TaskListFilter(), 200, 0);
        var comments = await scene.Get<ActivityQueries>().CommentsAsync(taskId, 200, 0);
        var memory = await scene.Get<BoardMemoryQueries>().ListAsync(scene.BoardId, null, 200, 0);
        var task = await scene.Get<TaskQueries>().GetAsync(taskId);
        return $"{tasks.Total}/{comments.Total}/{memory.Total}/{task}";
    }

    private static string Describe(string body) => body.Length > 80 ? $"{body[..60]}… ({body.Length} chars)" : body;
}
