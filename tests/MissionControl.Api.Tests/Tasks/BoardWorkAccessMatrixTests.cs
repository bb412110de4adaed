using System.Net;
using System.Net.Http.Json;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Tasks;

/// <summary>
/// Who may do what on board A1, cell by cell: users by role and grant (owner, admin, member with
/// no grant, a read grant or a write grant, a user of another organization) and agents by role
/// and board (A1's lead and worker, A2's lead and worker, another organization's worker, the
/// gateway-main agent). Every forbidden cell must be refused (401, 403 or 404) and leave nothing behind.
/// </summary>
public sealed class BoardWorkAccessMatrixTests(BoardWorkWorld scene) : IClassFixture<BoardWorkWorld>
{
    private enum Access { Read, Write, None, Hidden }

    private IEnumerable<(string Name, HttpClient Client, Access Access)> Users() =>
    [
        ("owner", scene.Client(scene.Owner), Access.Write),
        ("admin", scene.Client(scene.Admin), Access.Write),
        ("member without grant", scene.Client(scene.NoGrant), Access.None),
        ("member with read grant", scene.Client(scene.Reader), Access.Read),
        ("member with write grant", scene.Client(scene.Writer), Access.Write),
        ("user of another organization", scene.Client(scene.Outsider), Access.Hidden),
    ];

    private IEnumerable<(string Name, HttpClient Client, bool OwnBoard, bool IsLead)> Agents() =>
    [
        ("lead of A1", scene.Client(scene.Lead), true, true),
        ("worker of A1", scene.Client(scene.Worker), true, false),
        ("lead of A2", scene.Client(scene.OtherLead), false, true),
        ("worker of A2", scene.Client(scene.OtherWorker), false, false),
        ("worker of another organization", scene.Client(scene.ForeignWorker), false, false),
        ("gateway-main agent", scene.Client(scene.GatewayMain), true, false),
    ];

    private string Board => $"/api/v1/boards/{scene.BoardId}";

    private string AgentBoard => $"/api/v1/agent/boards/{scene.BoardId}";

    [Fact]
    public async Task Given_every_user_When_they_read_and_write_board_work_Then_grants_decide_and_other_organizations_see_nothing()
    {
        var task = await scene.NewTaskAsync(new { title = "Matrix", status = "review" });
        var failures = new List<string>();
        foreach (var (name, client, access) in Users())
        {
            var marker = Guid.NewGuid().ToString("N");
            var mayRead = access is Access.Read or Access.Write;
            var mayWrite = access == Access.Write;
            await Expect(failures, name, "list tasks", mayRead, await client.GetAsync($"{Board}/tasks"));
            await Expect(failures, name, "list comments", mayRead, await client.GetAsync($"{Board}/tasks/{task.Id()}/comments"));
            await Expect(failures, name, "list memory", mayRead, await client.GetAsync($"{Board}/memory"));
            await Expect(failures, name, "snapshot", mayRead, await client.GetAsync($"{Board}/snapshot"));
            await Expect(failures, name, "create task", mayWrite, await client.PostAsJsonAsync($"{Board}/tasks", new { title = marker }));
            await Expect(failures, name, "patch task", mayWrite, await client.PatchAsJsonAsync($"{Board}/tasks/{task.Id()}", new { description = marker }));
            await Expect(failures, name, "comment", mayWrite, await client.PostAsJsonAsync($"{Board}/tasks/{task.Id()}/comments", new { message = marker }));
            await Expect(failures, name, "post memory", mayWrite, await client.PostAsJsonAsync($"{Board}/memory", new { content = marker }));
            await Expect(failures, name, "use agent routes", false, await client.GetAsync($"{AgentBoard}/tasks"));
            if (!mayWrite)
                await ExpectNothingStoredAsync(failures, name, task.Id(), marker);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Given_every_user_that_may_not_write_When_they_delete_a_task_Then_it_stays()
    {
        var failures = new List<string>();
        foreach (var (name, client, access) in Users())
        {
            var task = await scene.NewTaskAsync();
            await Expect(failures, name, "delete task", access == Access.Write, await client.DeleteAsync($"{Board}/tasks/{task.Id()}"));
            var exists = await scene.Get<TaskQueries>().GetAsync(task.Id()) is not null;
            if (exists == (access == Access.Write))
                failures.Add($"{name}: delete task left the task {(exists ? "in place" : "gone")}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Given_every_agent_When_it_uses_board_work_routes_Then_only_its_own_board_is_open_and_leads_alone_create_and_delete()
    {
        var task = await scene.NewTaskAsync(new { title = "Matrix", status = "review" });
        var failures = new List<string>();
        foreach (var (name, client, ownBoard, isLead) in Agents())
        {
            var marker = Guid.NewGuid().ToString("N");
            await Expect(failures, name, "list tasks (agent route)", ownBoard, await client.GetAsync($"{AgentBoard}/tasks"));
            await Expect(failures, name, "list tasks (shared route)", ownBoard, await client.GetAsync($"{Board}/tasks"));
            await Expect(failures, name, "snapshot", ownBoard, await client.GetAsync($"{Board}/snapshot"));
            await Expect(failures, name, "list memory", ownBoard, await client.GetAsync($"{AgentBoard}/memory"));
            await Expect(failures, name, "list comments", ownBoard, await client.GetAsync($"{AgentBoard}/tasks/{task.Id()}/comments"));
            await Expect(failures, name, "patch task", ownBoard,
                await client.PatchAsJsonAsync($"{AgentBoard}/tasks/{task.Id()}", new { custom_field_values = new { } }));
            await Expect(failures, name, "comment", ownBoard,
                await client.PostAsJsonAsync($"{AgentBoard}/tasks/{task.Id()}/comments", new { message = marker }));
            await Expect(failures, name, "post memory", ownBoard, await client.PostAsJsonAsync($"{AgentBoard}/memory", new { content = marker }));
            await Expect(failures, name, "create task (agent route)", ownBoard && isLead, await client.PostAsJsonAsync($"{AgentBoard}/tasks", new { title = marker }));
            await Expect(failures, name, "create task (user route)", false, await client.PostAsJsonAsync($"{Board}/tasks", new { title = marker }));
            var victim = await scene.NewTaskAsync();
            await Expect(failures, name, "delete task (user route)", false, await client.DeleteAsync($"{Board}/tasks/{victim.Id()}"));
            await Expect(failures, name, "delete task (agent route)", ownBoard && isLead, await client.DeleteAsync($"{AgentBoard}/tasks/{victim.Id()}"));
            if (!ownBoard)
                await ExpectNothingStoredAsync(failures, name, task.Id(), marker);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task Expect(List<string> failures, string who, string what, bool allowed, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var ok = allowed
            ? status is >= 200 and < 300
            : response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
        if (!ok)
            failures.Add($"{who}: {what} answered {status} {await response.Content.ReadAsStringAsync()}");
        response.Dispose();
    }

    private async Task ExpectNothingStoredAsync(List<string> failures, string who, Guid taskId, string marker)
    {
        var tasks = await scene.Get<TaskQueries>().ListAsync(scene.BoardId, new TaskListFilter(), 200, 0);
        var comments = await scene.Get<ActivityQueries>().CommentsAsync(taskId, 200, 0);
        var memory = await scene.Get<BoardMemoryQueries>().ListAsync(scene.BoardId, null, 200, 0);
        var task = await scene.Get<TaskQueries>().GetAsync(taskId);
        if (tasks.Items.Any(t => t.Title == marker) || comments.Items.Any(c => c.Message == marker)
            || memory.Items.Any(m => m.Content == marker) || task?.Description == marker)
            failures.Add($"{who}: a refused request left something behind");
    }
}
