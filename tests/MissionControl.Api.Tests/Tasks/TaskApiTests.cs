using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Tasks;

/// <summary>Tasks of a board over HTTP: create, list, change, dependencies, delete, as users and agents.</summary>
public sealed class TaskApiTests(BoardWorkWorld scene) : IClassFixture<BoardWorkWorld>
{
    private string Tasks => $"/api/v1/boards/{scene.BoardId}/tasks";

    private string AgentTasks => $"/api/v1/agent/boards/{scene.BoardId}/tasks";

    [Fact]
    public async Task Given_a_writer_When_they_create_a_task_Then_it_comes_back_as_TaskRead_with_defaults_and_is_listed()
    {
        using var client = scene.Client(scene.Writer);

        var response = await client.PostAsJsonAsync(Tasks, new { title = "  Draft the launch post ", description = "For the blog", due_at = "2026-12-01T10:00:00Z" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await response.JsonAsync();
        Assert.Equal(("Draft the launch post", "inbox", "medium"), (task.Str("title"), task.Str("status"), task.Str("priority")));
        Assert.Equal(scene.Writer.Id, task.GetProperty("created_by_user_id").GetGuid());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), task.GetProperty("due_at").GetDateTimeOffset());
        Assert.False(task.GetProperty("is_blocked").GetBoolean());
        Assert.Empty(task.Ids("depends_on_task_ids"));
        Assert.Empty(task.GetProperty("tags").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, task.GetProperty("custom_field_values").ValueKind);
        var listed = await (await client.GetAsync($"{Tasks}?limit=200")).JsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), item => item.Id() == task.Id());
    }

    [Fact]
    public async Task Given_tasks_in_several_states_When_listed_with_filters_Then_only_matching_come_back_and_a_bad_status_is_422()
    {
        var inbox = await scene.NewTaskAsync();
        var assigned = await scene.NewTaskAsync(new { title = "Assigned", assigned_agent_id = scene.Worker.Id });
        var review = await scene.NewTaskAsync(new { title = "Review", status = "review" });
        using var client = scene.Client(scene.Reader);

        var byStatus = await (await client.GetAsync($"{Tasks}?status=review,%20done")).JsonAsync();
        var byAgent = await (await client.GetAsync($"{Tasks}?assigned_agent_id={scene.Worker.Id}")).JsonAsync();
        var unassigned = await (await client.GetAsync($"{Tasks}?unassigned=true")).JsonAsync();
        var bad = await client.GetAsync($"{Tasks}?status=inbox,someday");

        var statusIds = byStatus.GetProperty("items").EnumerateArray().Select(t => t.Id()).ToList();
        Assert.Contains(review.Id(), statusIds);
        Assert.DoesNotContain(inbox.Id(), statusIds);
        Assert.All(byAgent.GetProperty("items").EnumerateArray(), t => Assert.Equal(scene.Worker.Id, t.GuidOrNull("assigned_agent_id")));
        Assert.Contains(byAgent.GetProperty("items").EnumerateArray(), t => t.Id() == assigned.Id());
        Assert.DoesNotContain(unassigned.GetProperty("items").EnumerateArray(), t => t.Id() == assigned.Id());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("Unsupported task status filter.", await bad.DetailAsync());
    }

    [Fact]
    public async Task Given_a_task_When_a_user_patches_its_text_fields_and_assignee_Then_they_change()
    {
        var task = await scene.NewTaskAsync();
        using var client = scene.Client(scene.Writer);

        var response = await client.PatchAsJsonAsync($"{Tasks}/{task.Id()}", new { title = "Renamed", priority = "high", description = "More", assigned_agent_id = scene.Worker.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(("Renamed", "high", "More", (Guid?)scene.Worker.Id), (body.Str("title"), body.Str("priority"), body.Str("description"), body.GuidOrNull("assigned_agent_id")));
        Assert.NotEmpty(await scene.ChatsToAsync(scene.Worker, task.Id().ToString()));
    }

    [Fact]
    public async Task Given_dependencies_When_set_wrongly_Then_self_is_422_missing_is_404_with_ids_and_a_cycle_is_409()
    {
        var first = await scene.NewTaskAsync();
        var second = await scene.NewTaskAsync(new { title = "Second", depends_on_task_ids = new[] { first.Id() } });
        using var client = scene.Client(scene.Owner);
        var missing = Guid.NewGuid();

        var self = await client.PatchAsJsonAsync($"{Tasks}/{first.Id()}", new { depends_on_task_ids = new[] { first.Id() } });
        var unknown = await client.PostAsJsonAsync(Tasks, new { title = "Third", depends_on_task_ids = new[] { first.Id(), missing } });
        var cycle = await client.PatchAsJsonAsync($"{Tasks}/{first.Id()}", new { depends_on_task_ids = new[] { second.Id() } });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Task cannot depend on itself."), (self.StatusCode, await self.DetailAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var detail = (await unknown.JsonAsync()).GetProperty("detail");
        Assert.Equal("One or more dependency tasks were not found on this board.", detail.Str("message"));
        Assert.Equal([missing], detail.Ids("missing_task_ids"));
        Assert.Equal((HttpStatusCode.Conflict, "Dependency cycle detected. Remove the cycle before saving."), (cycle.StatusCode, await cycle.DetailAsync()));
        Assert.Equal([first.Id()], second.Ids("blocked_by_task_ids"));
        Assert.True(second.GetProperty("is_blocked").GetBoolean());
    }

    [Fact]
    public async Task Given_a_blocked_task_When_a_worker_starts_it_Then_409_with_the_blocked_object_body()
    {
        var blocker = await scene.NewTaskAsync();
        var blocked = await scene.NewTaskAsync(new { title = "Blocked", depends_on_task_ids = new[] { blocker.Id() } });
        using var worker = scene.Client(scene.Worker);

        var response = await worker.PatchAsJsonAsync($"{AgentTasks}/{blocked.Id()}", new { status = "in_progress" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.JsonAsync()).GetProperty("detail");
        Assert.Equal("Task is blocked by incomplete dependencies.", detail.Str("message"));
        Assert.Equal("task_blocked_cannot_transition", detail.Str("code"));
        Assert.Equal([blocker.Id()], detail.Ids("blocked_by_task_ids"));
    }

    [Fact]
    public async Task Given_a_done_dependency_with_a_dependent_in_progress_When_it_is_reopened_Then_the_dependent_returns_to_the_inbox()
    {
        var dependency = await scene.NewTaskAsync(new { title = "Base", status = "done" });
        var dependent = await scene.NewTaskAsync(new { title = "On top", depends_on_task_ids = new[] { dependency.Id() } });
        using var worker = scene.Client(scene.Worker);
        var started = await worker.PatchAsJsonAsync($"{AgentTasks}/{dependent.Id()}", new { status = "in_progress" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        using var owner = scene.Client(scene.Owner);

        var reopened = await owner.PatchAsJsonAsync($"{Tasks}/{dependency.Id()}", new { status = "inbox" });

        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var after = await (await owner.GetAsync($"{Tasks}?limit=200")).JsonAsync();
        var row = after.GetProperty("items").EnumerateArray().Single(t => t.Id() == dependent.Id());
        Assert.Equal(("inbox", (Guid?)null), (row.Str("status"), row.GuidOrNull("assigned_agent_id")));
        Assert.True(row.GetProperty("is_blocked").GetBoolean());
    }

    [Fact]
    public async Task Given_a_worker_When_it_works_a_task_through_to_review_Then_the_lead_gets_it_and_the_worker_cannot_move_others_tasks()
    {
        var task = await scene.NewTaskAsync();
        using var worker = scene.Client(scene.Worker);
        using var second = scene.Client(scene.SecondWorker);

        var start = await worker.PatchAsJsonAsync($"{AgentTasks}/{task.Id()}", new { status = "in_progress", comment = "on it" });
        var stolen = await second.PatchAsJsonAsync($"{AgentTasks}/{task.Id()}", new { status = "done" });
        var renamed = await worker.PatchAsJsonAsync($"{AgentTasks}/{task.Id()}", new { title = "mine" });
        var review = await worker.PatchAsJsonAsync($"{AgentTasks}/{task.Id()}", new { status = "review" });

        Assert.Equal((HttpStatusCode.OK, (Guid?)scene.Worker.Id), (start.StatusCode, (await start.JsonAsync()).GuidOrNull("assigned_agent_id")));
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
        Assert.Equal("task_assignee_mismatch", (await stolen.JsonAsync()).GetProperty("detail").Str("code"));
        Assert.Equal("task_update_field_forbidden", (await renamed.JsonAsync()).GetProperty("detail").Str("code"));
        Assert.Equal((Guid?)scene.Lead.Id, (await review.JsonAsync()).GuidOrNull("assigned_agent_id"));
        Assert.NotEmpty(await scene.ChatsToAsync(scene.Lead, "TASK READY FOR LEAD REVIEW"));
    }

    [Fact]
    public async Task Given_a_lead_When_it_creates_tasks_Then_they_are_auto_created_self_assignment_is_403_another_boards_agent_409_another_organizations_404()
    {
        using var lead = scene.Client(scene.Lead);

        var created = await lead.PostAsJsonAsync(AgentTasks, new { title = "Research competitors", assigned_agent_id = scene.Worker.Id });
        var self = await lead.PostAsJsonAsync(AgentTasks, new { title = "Mine", assigned_agent_id = scene.Lead.Id });
        var foreign = await lead.PostAsJsonAsync(AgentTasks, new { title = "Theirs", assigned_agent_id = scene.OtherWorker.Id });
        var otherOrganization = await lead.PostAsJsonAsync(AgentTasks, new { title = "Hidden", assigned_agent_id = scene.ForeignWorker.Id });
        using var worker = scene.Client(scene.Worker);
        var byWorker = await worker.PostAsJsonAsync(AgentTasks, new { title = "Nope" });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var task = await created.JsonAsync();
        Assert.True(task.GetProperty("auto_created").GetBoolean());
        Assert.Equal($"lead_agent:{scene.Lead.Id}", task.Str("auto_reason"));
        Assert.Equal((HttpStatusCode.Forbidden, "Board leads cannot assign tasks to themselves."), (self.StatusCode, await self.DetailAsync()));
        Assert.Equal(HttpStatusCode.Conflict, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherOrganization.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, "Only board leads can perform this action"), (byWorker.StatusCode, await byWorker.DetailAsync()));
        Assert.NotEmpty(await scene.ChatsToAsync(scene.Worker, "TASK ASSIGNED"));
    }

    [Fact]
    public async Task Given_a_lead_When_it_patches_outside_its_gates_Then_403_with_the_gate_messages()
    {
        var task = await scene.NewTaskAsync();
        using var lead = scene.Client(scene.Lead);

        var field = await lead.PatchAsJsonAsync($"{AgentTasks}/{task.Id()}", new { title = "x" });
        var comment = await lead.PatchAsJsonAsync($"{AgentTasks}/{task.Id()}", new { comment = "x" });
        var status = await lead.PatchAsJsonAsync($"{AgentTasks}/{task.Id()}", new { status = "done" });

        Assert.StartsWith("Lead field gate failed", await field.DetailAsync());
        Assert.StartsWith("Lead comment gate failed", await comment.DetailAsync());
        Assert.StartsWith("Lead status gate failed", await status.DetailAsync());
    }

    [Fact]
    public async Task Given_tasks_When_deleted_by_a_user_and_by_the_lead_Then_they_are_gone_and_a_worker_may_not()
    {
        var byUser = await scene.NewTaskAsync();
        var byLead = await scene.NewTaskAsync();
        using var owner = scene.Client(scene.Owner);
        using var lead = scene.Client(scene.Lead);
        using var worker = scene.Client(scene.Worker);

        var workerDelete = await worker.DeleteAsync($"{AgentTasks}/{byLead.Id()}");
        var userDelete = await owner.DeleteAsync($"{Tasks}/{byUser.Id()}");
        var leadDelete = await lead.DeleteAsync($"{AgentTasks}/{byLead.Id()}");
        var again = await owner.DeleteAsync($"{Tasks}/{byUser.Id()}");

        Assert.Equal((HttpStatusCode.Forbidden, "Only board leads can perform this action"), (workerDelete.StatusCode, await workerDelete.DetailAsync()));
        Assert.True((await userDelete.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, leadDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        var listed = await (await owner.GetAsync($"{Tasks}?limit=200")).JsonAsync();
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), t => t.Id() == byUser.Id() || t.Id() == byLead.Id());
    }

    [Fact]
    public async Task Given_tags_or_custom_fields_When_given_Then_404_missing_tags_and_422_unknown_keys_as_no_tags_or_fields_exist()
    {
        using var owner = scene.Client(scene.Owner);
        var tag = Guid.NewGuid();

        var tags = await owner.PostAsJsonAsync(Tasks, new { title = "Tagged", tag_ids = new[] { tag } });
        var fields = await owner.PostAsJsonAsync(Tasks, new { title = "Fielded", custom_field_values = new { sprint = 3 } });

        Assert.Equal(HttpStatusCode.NotFound, tags.StatusCode);
        Assert.Equal([tag], (await tags.JsonAsync()).GetProperty("detail").Ids("missing_tag_ids"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fields.StatusCode);
        Assert.Equal("Unknown custom field keys for this board.", (await fields.JsonAsync()).GetProperty("detail").Str("message"));
    }

    [Fact]
    public async Task Given_a_board_with_tasks_agents_and_chat_When_its_snapshot_is_read_Then_everything_is_there()
    {
        var task = await scene.NewTaskAsync(new { title = "Snapshot me", assigned_agent_id = scene.Worker.Id });
        using var owner = scene.Client(scene.Owner);
        var marker = $"snapshot-{Guid.NewGuid():N}";
        await owner.PostAsJsonAsync($"/api/v1/boards/{scene.BoardId}/memory", new { content = marker, tags = new[] { "chat" } });
        using var worker = scene.Client(scene.Worker);

        var response = await worker.GetAsync($"/api/v1/boards/{scene.BoardId}/snapshot");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var snapshot = await response.JsonAsync();
        Assert.Equal(scene.BoardId, snapshot.GetProperty("board").Id());
        var row = snapshot.GetProperty("tasks").EnumerateArray().Single(t => t.Id() == task.Id());
        Assert.Equal(("Walker", 0), (row.Str("assignee"), row.GetProperty("approvals_count").GetInt32()));
        Assert.Contains(snapshot.GetProperty("agents").EnumerateArray(), a => a.Id() == scene.Lead.Id);
        Assert.Empty(snapshot.GetProperty("approvals").EnumerateArray());
        Assert.Equal(marker, snapshot.GetProperty("chat_messages").EnumerateArray().Last().Str("content"));
        Assert.Equal(0, snapshot.GetProperty("pending_approvals_count").GetInt32());
    }
}
