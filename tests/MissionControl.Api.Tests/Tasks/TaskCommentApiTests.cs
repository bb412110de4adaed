using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Tasks;

/// <summary>Comments on tasks: oldest first, who may write them, and who hears about them.</summary>
public sealed class TaskCommentApiTests(BoardWorkWorld scene) : IClassFixture<BoardWorkWorld>
{
    private string Comments(Guid taskId) => $"/api/v1/boards/{scene.BoardId}/tasks/{taskId}/comments";

    private string AgentComments(Guid taskId) => $"/api/v1/agent/boards/{scene.BoardId}/tasks/{taskId}/comments";

    [Fact]
    public async Task Given_a_task_When_a_user_and_the_worker_comment_Then_comments_list_oldest_first_and_the_assignee_hears_of_the_users()
    {
        var task = await scene.NewTaskAsync(new { title = "Discuss", assigned_agent_id = scene.Worker.Id });
        using var owner = scene.Client(scene.Owner);
        using var worker = scene.Client(scene.Worker);
        var marker = Guid.NewGuid().ToString("N");

        var first = await owner.PostAsJsonAsync(Comments(task.Id()), new { message = $"Please start {marker}" });
        var second = await worker.PostAsJsonAsync(AgentComments(task.Id()), new { message = "Starting now" });
        var listed = await (await worker.GetAsync(AgentComments(task.Id()))).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var comment = await second.JsonAsync();
        Assert.Equal((scene.Worker.Id, task.Id()), (comment.GetProperty("agent_id").GetGuid(), comment.GetProperty("task_id").GetGuid()));
        Assert.Equal([$"Please start {marker}", "Starting now"], listed.GetProperty("items").EnumerateArray().Select(c => c.Str("message")));
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        Assert.Single(await scene.ChatsToAsync(scene.Worker, marker));
    }

    [Fact]
    public async Task Given_a_task_in_progress_When_the_lead_comments_unasked_Then_403_but_when_mentioned_it_may()
    {
        var task = await scene.NewTaskAsync(new { title = "Ongoing", assigned_agent_id = scene.Worker.Id });
        using var lead = scene.Client(scene.Lead);

        var unasked = await lead.PostAsJsonAsync(AgentComments(task.Id()), new { message = "Status?" });
        using var owner = scene.Client(scene.Owner);
        var mention = await owner.PostAsJsonAsync(Comments(task.Id()), new { message = "@lead please weigh in" });
        var asked = await lead.PostAsJsonAsync(AgentComments(task.Id()), new { message = "@lead answering: looks fine" });

        Assert.Equal(HttpStatusCode.Forbidden, unasked.StatusCode);
        Assert.Equal("Board leads can only comment during review, when mentioned, or on tasks they created.", await unasked.DetailAsync());
        Assert.Equal(HttpStatusCode.OK, mention.StatusCode);
        Assert.NotEmpty(await scene.ChatsToAsync(scene.Lead, "@lead please weigh in"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
    }

    [Fact]
    public async Task Given_a_reader_without_write_When_they_comment_Then_403_and_nothing_is_stored()
    {
        var task = await scene.NewTaskAsync();
        using var reader = scene.Client(scene.Reader);

        var response = await reader.PostAsJsonAsync(Comments(task.Id()), new { message = "hi" });

        Assert.Equal((HttpStatusCode.Forbidden, "Board access denied"), (response.StatusCode, await response.DetailAsync()));
        Assert.Equal(0, (await (await reader.GetAsync(Comments(task.Id()))).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Given_a_task_of_another_board_When_commented_through_this_board_Then_404()
    {
        var other = await scene.NewTaskAsync(boardId: scene.SecondBoardId);
        using var owner = scene.Client(scene.Owner);

        var response = await owner.PostAsJsonAsync(Comments(other.Id()), new { message = "wrong board" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
