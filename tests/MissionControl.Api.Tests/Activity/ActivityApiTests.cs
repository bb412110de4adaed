using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Api.Tests.Tasks;

namespace MissionControl.Api.Tests.Activity;

/// <summary>The activity feed: users see their readable boards, agents their own doings.</summary>
public sealed class ActivityApiTests(BoardWorkWorld scene) : IClassFixture<BoardWorkWorld>
{
    [Fact]
    public async Task Given_work_on_two_boards_When_a_member_reads_activity_Then_only_boards_they_may_read_appear_with_routes()
    {
        var readable = await scene.NewTaskAsync(new { title = "Visible work" });
        var hidden = await scene.NewTaskAsync(new { title = "Hidden work" }, scene.SecondBoardId);
        using var reader = scene.Client(scene.Reader);

        var response = await reader.GetAsync("/api/v1/activity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var created = items.Single(i => i.GuidOrNull("task_id") == readable.Id() && i.Str("event_type") == "task.created");
        Assert.Equal("Task created: Visible work.", created.Str("message"));
        Assert.Equal("board", created.Str("route_name"));
        Assert.Equal(readable.Id().ToString(), created.GetProperty("route_params").Str("taskId"));
        Assert.Equal(scene.BoardId.ToString(), created.GetProperty("route_params").Str("boardId"));
        Assert.DoesNotContain(items, i => i.GuidOrNull("task_id") == hidden.Id());
        Assert.All(items, i => Assert.Equal(scene.BoardId, i.GuidOrNull("board_id")));
    }

    [Fact]
    public async Task Given_a_worker_that_moved_a_task_When_it_reads_activity_Then_it_sees_its_own_events_only()
    {
        var task = await scene.NewTaskAsync();
        using var worker = scene.Client(scene.Worker);
        await worker.PatchAsJsonAsync($"/api/v1/agent/boards/{scene.BoardId}/tasks/{task.Id()}", new { status = "in_progress" });

        var items = (await (await worker.GetAsync("/api/v1/activity")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

        var moved = items.Single(i => i.GuidOrNull("task_id") == task.Id());
        Assert.Equal(("task.status_changed", "Task moved to in_progress: " + task.Str("title") + "."), (moved.Str("event_type"), moved.Str("message")));
        Assert.All(items, i => Assert.Equal(scene.Worker.Id, i.GuidOrNull("agent_id")));
    }

    [Fact]
    public async Task Given_a_chat_message_When_it_shows_in_activity_Then_it_routes_to_the_board_chat_and_an_outsider_does_not_see_it()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var owner = scene.Client(scene.Owner);
        await owner.PostAsJsonAsync($"/api/v1/boards/{scene.BoardId}/memory", new { content = marker, tags = new[] { "chat" } });
        using var outsider = scene.Client(scene.Outsider);

        var mine = (await (await owner.GetAsync("/api/v1/activity")).JsonAsync()).GetProperty("items").EnumerateArray();
        var theirs = (await (await outsider.GetAsync("/api/v1/activity")).JsonAsync()).GetProperty("items").EnumerateArray();

        var chat = mine.Single(i => i.Str("message") == marker);
        Assert.Equal(("board.chat", "chat"), (chat.Str("event_type"), chat.GetProperty("route_params").Str("panel")));
        Assert.DoesNotContain(theirs, i => i.GetProperty("message").GetString() == marker);
    }
}
