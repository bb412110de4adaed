using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Common;
using static MissionControl.Integration.Tests.Entities;

namespace MissionControl.Integration.Tests;

public sealed class TaskGrainTests(EntityGrainCluster fixture) : IClassFixture<EntityGrainCluster>
{
    private static readonly Guid BoardId = Guid.NewGuid();
    private static readonly Guid LeadId = Guid.NewGuid();
    private static readonly Guid WorkerId = Guid.NewGuid();
    private static readonly TaskEditContext Plain = new(new WorkflowRules(), IsBlocked: false, BoardLeadId: LeadId);
    private static readonly TaskEditor Worker = new TaskEditor.Worker(WorkerId, BoardId);
    private static readonly TaskEditor Lead = new TaskEditor.Lead(LeadId, BoardId);
    private static readonly TaskEditor User = new TaskEditor.User(Guid.NewGuid());

    private ITaskGrain On(int silo, Guid id) => fixture.Silo(silo).Grain<ITaskGrain>(id);

    [Fact]
    public async Task Given_a_new_task_When_read_on_another_silo_Then_it_waits_in_the_inbox_with_medium_priority()
    {
        var (id, creator) = (Guid.NewGuid(), Guid.NewGuid());

        await On(0, id).Create(new NewTask(BoardId, " Write the brief ") { Description = "  ", CreatedByUserId = creator });
        var task = await On(1, id).Get();

        Assert.Equal((id, BoardId, "Write the brief", "inbox", "medium", creator), (task.Id, task.BoardId, task.Title, task.Status, task.Priority, task.CreatedByUserId));
        Assert.Null(task.Description);
        Assert.Null(task.AssignedAgentId);
    }

    [Fact]
    public async Task Given_a_blank_title_or_unknown_status_When_a_task_is_created_Then_validation_error_and_nothing_is_stored()
    {
        var id = Guid.NewGuid();

        await Refused(DomainErrorKind.Validation, () => On(0, id).Create(new NewTask(BoardId, " ")));
        await Refused(DomainErrorKind.Validation, () => On(0, id).Create(new NewTask(BoardId, "Title") { Status = "someday" }));

        await Refused(DomainErrorKind.NotFound, () => On(1, id).Get());
    }

    [Fact]
    public async Task Given_a_task_When_created_again_Then_conflict()
    {
        var id = await TaskAsync();

        await Refused(DomainErrorKind.Conflict, () => On(1, id).Create(new NewTask(BoardId, "Again")));
    }

    [Fact]
    public async Task Given_an_inbox_task_When_a_worker_starts_it_and_submits_it_for_review_on_another_silo_Then_the_lead_receives_it()
    {
        var id = await TaskAsync();

        var started = await On(0, id).Change(Worker, new TaskEdit { Status = "in_progress" }, Plain);
        var review = await On(1, id).Change(Worker, new TaskEdit { Status = "review" }, Plain);

        Assert.Equal(("in_progress", WorkerId), (started.Status, started.AssignedAgentId));
        Assert.NotNull(started.InProgressAt);
        Assert.Equal(("review", LeadId), (review.Status, review.AssignedAgentId));
        Assert.Null(review.InProgressAt);
    }

    [Fact]
    public async Task Given_a_review_task_When_the_lead_sends_it_back_Then_it_returns_to_the_worker_who_submitted_it()
    {
        var id = await TaskAsync();
        await On(0, id).Change(Worker, new TaskEdit { Status = "in_progress" }, Plain);
        await On(0, id).Change(Worker, new TaskEdit { Status = "review" }, Plain);

        var back = await On(1, id).Change(Lead, new TaskEdit { Status = "inbox" }, Plain);

        Assert.Equal(("inbox", WorkerId), (back.Status, back.AssignedAgentId));
    }

    [Fact]
    public async Task Given_a_task_When_a_worker_of_another_board_changes_it_Then_forbidden_with_its_code()
    {
        var id = await TaskAsync();
        var stranger = new TaskEditor.Worker(Guid.NewGuid(), Guid.NewGuid());

        var error = await Refused(DomainErrorKind.Forbidden, () => On(0, id).Change(stranger, new TaskEdit { Status = "in_progress" }, Plain));

        Assert.Equal("task_board_mismatch", error.Code);
        Assert.Equal("inbox", (await On(1, id).Get()).Status);
    }

    [Fact]
    public async Task Given_a_blocked_task_When_the_lead_assigns_it_Then_conflict()
    {
        var id = await TaskAsync();
        var assign = new TaskEdit { SetsAssignee = true, Assignee = new TaskAssignee(WorkerId, BoardId, IsBoardLead: false) };

        var error = await Refused(DomainErrorKind.Conflict, () => On(0, id).Change(Lead, assign, Plain with { IsBlocked = true }));

        Assert.Equal("task_blocked_cannot_transition", error.Code);
        Assert.Equal(WorkerId, (await On(1, id).Change(Lead, assign, Plain)).AssignedAgentId);
    }

    [Fact]
    public async Task Given_a_board_where_only_the_lead_changes_status_When_a_worker_tries_Then_forbidden()
    {
        var id = await TaskAsync();

        await Refused(DomainErrorKind.Forbidden, () =>
            On(0, id).Change(Worker, new TaskEdit { Status = "in_progress" }, Plain with { Rules = new WorkflowRules(OnlyLeadCanChangeStatus: true) }));
    }

    [Fact]
    public async Task Given_an_in_progress_task_When_its_agent_is_deleted_Then_it_goes_back_to_the_inbox_unassigned_once()
    {
        var id = await TaskAsync();
        await On(0, id).Change(Worker, new TaskEdit { Status = "in_progress" }, Plain);

        Assert.False(await On(1, id).ReleaseDeletedAgent(Guid.NewGuid()));
        Assert.True(await On(1, id).ReleaseDeletedAgent(WorkerId));
        Assert.False(await On(0, id).ReleaseDeletedAgent(WorkerId));

        var task = await On(0, id).Get();
        Assert.Equal(("inbox", null, null), (task.Status, task.AssignedAgentId, task.InProgressAt));
    }

    [Fact]
    public async Task Given_a_done_task_When_its_agent_is_deleted_Then_it_stays_done_and_loses_its_assignee()
    {
        var id = await TaskAsync();
        await On(0, id).Change(Worker, new TaskEdit { Status = "done" }, Plain);

        Assert.True(await On(1, id).ReleaseDeletedAgent(WorkerId));

        var task = await On(0, id).Get();
        Assert.Equal(("done", null), (task.Status, task.AssignedAgentId));
    }

    [Fact]
    public async Task Given_no_task_When_changed_or_read_Then_not_found_and_releasing_it_does_nothing()
    {
        var id = Guid.NewGuid();

        await Refused(DomainErrorKind.NotFound, () => On(0, id).Change(User, new TaskEdit { Status = "done" }, Plain));
        await Refused(DomainErrorKind.NotFound, () => On(0, id).Get());
        Assert.False(await On(1, id).ReleaseDeletedAgent(WorkerId));
    }

    [Fact]
    public async Task Given_two_silos_changing_status_and_assignee_at_once_When_repeated_Then_both_changes_are_kept()
    {
        var id = await TaskAsync();
        await On(1, id).Get();
        string[] statuses = ["in_progress", "done", "inbox"];

        for (var round = 0; round < 9; round++)
        {
            var agent = Guid.NewGuid();
            var status = statuses[round % 3];
            await Task.WhenAll(
                On(0, id).Change(User, new TaskEdit { Status = status }, Plain),
                On(1, id).Change(User, new TaskEdit { SetsAssignee = true, Assignee = new TaskAssignee(agent, BoardId, false) }, Plain));

            var task = await On(round % 2, id).Get();
            // Moving to the inbox drops the assignee, so which call ran first decides whether it is kept.
            Assert.Equal(status, task.Status);
            if (status != "inbox")
                Assert.Equal(agent, task.AssignedAgentId);
        }
    }

    private async Task<Guid> TaskAsync()
    {
        var id = Guid.NewGuid();
        await On(0, id).Create(new NewTask(BoardId, "Write the brief"));
        return id;
    }
}
