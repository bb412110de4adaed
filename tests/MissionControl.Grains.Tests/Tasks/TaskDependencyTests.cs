using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks;
using MissionControl.Grains.Tasks.Events;
using static MissionControl.Grains.Tests.Tasks.TaskSpec;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.Grains.Tests.Tasks;

public class TaskDependencyTests
{
    private static BoardTaskGraph Graph(params (Guid Id, string Status, Guid[] DependsOn)[] tasks) =>
        new(tasks.ToDictionary(t => t.Id, t => new TaskNode(t.Status, t.DependsOn)));

    private static CreateTask NewTask(Guid id, BoardTaskGraph board, params Guid[] dependsOn) =>
        new(id, BoardId, "Write docs", T0) { DependsOn = dependsOn, Board = board };

    private static ChangeTask SetDependencies(TaskActor actor, BoardTaskGraph board, params Guid[] dependsOn) =>
        Change(actor, new TaskChange { SetsDependencies = true, DependsOnTaskIds = dependsOn }, Context() with { Board = board });

    [Fact]
    public void Given_a_done_and_an_open_task_When_a_task_is_created_depending_on_both_Then_both_are_recorded_in_order()
    {
        var (done, open, id) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var events = TaskDecider.Decide(null, NewTask(id, Graph((done, TaskStatus.Done, []), (open, TaskStatus.Inbox, [])), done, open, done));

        var dependencies = Assert.IsType<TaskDependenciesChanged>(events[1]);
        Assert.Equal([done, open], dependencies.DependsOnTaskIds);
        Assert.Equal([done, open], TaskEvolver.Fold(events)!.DependsOn);
    }

    [Fact]
    public void Given_a_task_When_it_would_depend_on_itself_Then_422_and_nothing_is_decided()
    {
        var task = Inbox();

        var error = Assert.Throws<DomainException>(() =>
            TaskDecider.Decide(task, SetDependencies(User, Graph((task.Id, TaskStatus.Inbox, [])), task.Id)));

        Assert.Equal((DomainErrorKind.Validation, "Task cannot depend on itself."), (error.Kind, error.Detail));
    }

    [Fact]
    public void Given_ids_that_are_not_tasks_of_the_board_When_set_as_dependencies_Then_404_naming_the_missing_ones()
    {
        var (known, missing) = (Guid.NewGuid(), Guid.NewGuid());

        var error = Assert.Throws<DomainException>(() =>
            TaskDecider.Decide(null, NewTask(Guid.NewGuid(), Graph((known, TaskStatus.Inbox, [])), known, missing)));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
        Assert.Equal("One or more dependency tasks were not found on this board.", error.Detail);
        Assert.Equal([missing], (IEnumerable<Guid>)error.Fields!["missing_task_ids"]);
    }

    [Fact]
    public void Given_a_chain_A_after_B_after_C_When_C_would_depend_on_A_Then_409_cycle()
    {
        var c = Inbox();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var board = Graph((a, TaskStatus.Inbox, [b]), (b, TaskStatus.Inbox, [c.Id]), (c.Id, TaskStatus.Inbox, []));

        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(c, SetDependencies(User, board, a)));

        Assert.Equal((DomainErrorKind.Conflict, "Dependency cycle detected. Remove the cycle before saving."), (error.Kind, error.Detail));
    }

    [Fact]
    public void Given_an_unfinished_dependency_When_a_task_is_created_assigned_or_started_Then_409_blocked_naming_it()
    {
        var open = Guid.NewGuid();
        var board = Graph((open, TaskStatus.Review, []));
        var assigned = NewTask(Guid.NewGuid(), board, open) with { AssignedAgentId = WorkerId };
        var started = NewTask(Guid.NewGuid(), board, open) with { Status = TaskStatus.InProgress };

        foreach (var command in new[] { assigned, started })
        {
            var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(null, command));
            Assert.Equal((DomainErrorKind.Conflict, TaskDecider.BlockedDetail, "task_blocked_cannot_transition"), (error.Kind, error.Detail, error.Code));
            Assert.Equal([open], (IEnumerable<Guid>)error.Fields!["blocked_by_task_ids"]);
        }

        Assert.Equal(2, TaskDecider.Decide(null, NewTask(Guid.NewGuid(), board, open)).Count);
    }

    [Fact]
    public void Given_a_worker_When_an_unfinished_dependency_blocks_the_task_Then_starting_it_is_409_with_the_blockers()
    {
        var blocker = Guid.NewGuid();
        var context = Context(blocked: true) with { BlockedByTaskIds = [blocker] };

        var error = Assert.Throws<DomainException>(() =>
            TaskDecider.Decide(Inbox(), Change(Worker, new TaskChange { Status = TaskStatus.InProgress }, context)));

        Assert.Equal([blocker], (IEnumerable<Guid>)error.Fields!["blocked_by_task_ids"]);
    }

    [Fact]
    public void Given_an_in_progress_task_When_a_user_adds_an_unfinished_dependency_Then_it_returns_to_the_inbox_unassigned()
    {
        var task = InProgressBy(WorkerId);
        var open = Guid.NewGuid();

        var after = Run(task, SetDependencies(User, Graph((open, TaskStatus.Inbox, []), (task.Id, task.Status, [])), open));

        Assert.Equal((TaskStatus.Inbox, (Guid?)null), (after.Status, after.AssignedAgentId));
        Assert.Equal([open], after.DependsOn);
    }

    [Fact]
    public void Given_a_lead_When_it_sets_only_dependencies_that_are_done_Then_they_are_recorded_and_nothing_else_moves()
    {
        var task = InProgressBy(WorkerId);
        var done = Guid.NewGuid();

        var events = TaskDecider.Decide(task, SetDependencies(Lead, Graph((done, TaskStatus.Done, []), (task.Id, task.Status, [])), done));

        Assert.IsType<TaskDependenciesChanged>(Assert.Single(events));
    }

    [Fact]
    public void Given_a_done_task_When_a_user_changes_its_dependencies_Then_409()
    {
        var done = Run(InReviewFrom(WorkerId), Change(Lead, new TaskChange { Status = TaskStatus.Done }));

        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(done, SetDependencies(User, Graph((done.Id, TaskStatus.Done, [])))));

        Assert.Equal((DomainErrorKind.Conflict, "Cannot change task dependencies after a task is done."), (error.Kind, error.Detail));
    }

    [Fact]
    public void Given_a_worker_When_it_sets_dependencies_Then_403_field_forbidden()
    {
        var task = InProgressBy(WorkerId);

        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(task, SetDependencies(Worker, Graph((task.Id, task.Status, [])))));

        Assert.Equal("task_update_field_forbidden", error.Code);
    }

    [Theory]
    [InlineData(TaskStatus.InProgress, true)]
    [InlineData(TaskStatus.Review, true)]
    [InlineData(TaskStatus.Done, false)]
    public void Given_a_dependent_task_When_its_dependency_is_reopened_Then_it_returns_to_the_inbox_unless_done(string status, bool moves)
    {
        var task = status switch
        {
            TaskStatus.InProgress => InProgressBy(WorkerId),
            TaskStatus.Review => InReviewFrom(WorkerId),
            _ => Run(InReviewFrom(WorkerId), Change(Lead, new TaskChange { Status = TaskStatus.Done })),
        };

        var events = TaskDecider.Decide(task, new ReturnToInboxForDependency(Guid.NewGuid(), T0.AddHours(1)));

        Assert.Equal(moves, events.Count == 1);
        if (moves)
        {
            var after = TaskEvolver.Fold(events, task)!;
            Assert.Equal((TaskStatus.Inbox, (Guid?)null, (DateTimeOffset?)null), (after.Status, after.AssignedAgentId, after.InProgressAt));
        }
    }

    [Fact]
    public void Given_an_unassigned_inbox_task_When_its_dependency_is_reopened_Then_nothing_is_recorded()
    {
        Assert.Empty(TaskDecider.Decide(Inbox(), new ReturnToInboxForDependency(Guid.NewGuid(), T0)));
    }
}
