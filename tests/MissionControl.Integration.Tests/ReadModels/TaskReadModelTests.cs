using MissionControl.Grains.Tasks.Events;
using MissionControl.ReadModels.Queries;
using static MissionControl.Integration.Tests.ReadModels.Sample;

namespace MissionControl.Integration.Tests.ReadModels;

public sealed class TaskReadModelTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    private TaskQueries Tasks => fixture.Get<TaskQueries>();

    [Fact]
    public async Task Given_tasks_on_a_board_When_filtering_by_status_assignee_or_unassigned_Then_only_matching_tasks_come_newest_first()
    {
        var (boardId, worker) = (Guid.NewGuid(), Guid.NewGuid());
        var inbox = await CreateAsync(boardId, "inbox", null, 1);
        var working = await CreateAsync(boardId, "in_progress", worker, 2);
        var review = await CreateAsync(boardId, "review", worker, 3);
        var done = await CreateAsync(boardId, "done", null, 4);
        await CreateAsync(Guid.NewGuid(), "inbox", worker, 5); // another board

        var all = await Tasks.ListAsync(boardId, new TaskListFilter(), 200, 0);
        var active = await Tasks.ListAsync(boardId, new TaskListFilter(Statuses: ["in_progress", "review"]), 200, 0);
        var mine = await Tasks.ListAsync(boardId, new TaskListFilter(AssignedAgentId: worker), 1, 0);
        var unassigned = await Tasks.ListAsync(boardId, new TaskListFilter(UnassignedOnly: true), 200, 0);

        Assert.Equal([done, review, working, inbox], all.Items.Select(t => t.Id));
        Assert.Equal([review, working], active.Items.Select(t => t.Id));
        Assert.Equal((2L, review), (mine.Total, Assert.Single(mine.Items).Id));
        Assert.Equal([done, inbox], unassigned.Items.Select(t => t.Id));
        Assert.Equal(3, (await Tasks.AssignedToAsync(worker)).Count);
    }

    [Fact]
    public async Task Given_a_task_When_it_moves_to_in_progress_and_then_its_agent_is_deleted_Then_it_returns_to_the_inbox_unassigned()
    {
        var (boardId, agentId) = (Guid.NewGuid(), Guid.NewGuid());
        var taskId = await CreateAsync(boardId, "inbox", null, 0);

        await fixture.AppendAsync(TaskStream(taskId), 1, new TaskMoved("in_progress", agentId, At(1), null, null, At(1)));
        var moved = await Tasks.GetAsync(taskId);
        Assert.Equal(("in_progress", agentId, At(1)), (moved!.Status, moved.AssignedAgentId, moved.InProgressAt));

        await fixture.AppendAsync(TaskStream(taskId), 2, new TaskReleasedFromAgent(agentId, ReturnedToInbox: true, At(2)));
        var released = await Tasks.GetAsync(taskId);
        Assert.Equal(("inbox", null, null), (released!.Status, released.AssignedAgentId, released.InProgressAt));
        Assert.Empty(await Tasks.AssignedToAsync(agentId));
    }

    [Fact]
    public async Task Given_a_task_in_review_When_its_agent_is_deleted_without_returning_it_Then_it_keeps_its_status_and_loses_the_assignee()
    {
        var (boardId, agentId) = (Guid.NewGuid(), Guid.NewGuid());
        var taskId = await CreateAsync(boardId, "review", agentId, 0);

        await fixture.AppendAsync(TaskStream(taskId), 1, new TaskReleasedFromAgent(agentId, ReturnedToInbox: false, At(1)));

        var row = await Tasks.GetAsync(taskId);
        Assert.Equal(("review", null), (row!.Status, row.AssignedAgentId));
    }

    private async Task<Guid> CreateAsync(Guid boardId, string status, Guid? assignee, int createdAt)
    {
        var taskId = Guid.NewGuid();
        await fixture.AppendAsync(TaskStream(taskId), 0, Sample.Task(taskId, boardId, status, assignee, createdAt));
        return taskId;
    }
}
