using MissionControl.Grains.Boards;
using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks;
using static MissionControl.Grains.Tests.Tasks.TaskSpec;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.Grains.Tests.Tasks;

public class TaskChangeTests
{
    private static readonly AssigneeFacts WorkerFacts = new(WorkerId, BoardId, false);

    private static DomainException Refused(TaskState task, ChangeTask command) =>
        Assert.Throws<DomainException>(() => TaskDecider.Decide(task, command));

    [Fact]
    public void Given_inbox_task_When_worker_starts_it_Then_in_progress_assigned_to_worker()
    {
        var task = InProgressBy(WorkerId);

        Assert.Equal(TaskStatus.InProgress, task.Status);
        Assert.Equal(WorkerId, task.AssignedAgentId);
        Assert.Equal(T0.AddMinutes(1), task.InProgressAt);
    }

    [Fact]
    public void Given_worker_task_When_sent_to_review_Then_lead_assigned_and_submitter_remembered()
    {
        var task = InReviewFrom(WorkerId);

        Assert.Equal(LeadId, task.AssignedAgentId);
        Assert.Equal(WorkerId, task.ReviewSubmittedBy);
        Assert.Equal(T0.AddMinutes(1), task.PreviousInProgressAt);
        Assert.Null(task.InProgressAt);
    }

    [Fact]
    public void Given_review_task_When_lead_sends_back_to_inbox_Then_submitting_worker_gets_it_back()
    {
        var task = Run(InReviewFrom(WorkerId), Change(Lead, new TaskChange { Status = TaskStatus.Inbox }));

        Assert.Equal(TaskStatus.Inbox, task.Status);
        Assert.Equal(WorkerId, task.AssignedAgentId);
    }

    [Fact]
    public void Given_review_task_When_lead_marks_done_Then_done()
    {
        Assert.Equal(TaskStatus.Done, Run(InReviewFrom(WorkerId), Change(Lead, new TaskChange { Status = TaskStatus.Done })).Status);
    }

    [Fact]
    public void Given_in_progress_task_When_lead_changes_status_Then_status_gate_refuses()
    {
        var error = Refused(InProgressBy(WorkerId), Change(Lead, new TaskChange { Status = TaskStatus.Done }));

        Assert.StartsWith("Lead status gate failed", error.Detail);
        Assert.Contains("(current: `in_progress`)", error.Detail);
    }

    [Fact]
    public void Given_review_task_When_lead_moves_to_in_progress_Then_target_gate_refuses()
    {
        var error = Refused(InReviewFrom(WorkerId), Change(Lead, new TaskChange { Status = TaskStatus.InProgress }));

        Assert.StartsWith("Lead status target gate failed", error.Detail);
    }

    [Fact]
    public void Given_inbox_task_When_lead_starts_it_while_assigning_worker_Then_allowed()
    {
        var task = Run(Inbox(), Change(Lead, new TaskChange { Status = TaskStatus.InProgress, SetsAssignee = true, Assignee = WorkerFacts }));

        Assert.Equal(TaskStatus.InProgress, task.Status);
        Assert.Equal(WorkerId, task.AssignedAgentId);
    }

    [Fact]
    public void Given_task_When_lead_assigns_a_lead_Then_forbidden()
    {
        var error = Refused(Inbox(), Change(Lead, new TaskChange { SetsAssignee = true, Assignee = new AssigneeFacts(LeadId, BoardId, true) }));

        Assert.Equal("Board leads cannot assign tasks to themselves.", error.Detail);
    }

    [Fact]
    public void Given_task_When_lead_assigns_agent_of_other_board_Then_conflict()
    {
        var error = Refused(Inbox(), Change(Lead, new TaskChange { SetsAssignee = true, Assignee = new AssigneeFacts(WorkerId, Guid.NewGuid(), false) }));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Given_task_When_lead_sends_comment_or_title_Then_gates_refuse()
    {
        Assert.StartsWith("Lead comment gate failed", Refused(Inbox(), Change(Lead, new TaskChange { Comment = "hi" })).Detail);
        Assert.StartsWith("Lead field gate failed", Refused(Inbox(), Change(Lead, new TaskChange { OtherFields = ["title"] })).Detail);
    }

    [Fact]
    public void Given_blocked_task_When_lead_assigns_Then_blocked_conflict()
    {
        var error = Refused(Inbox(), Change(Lead, new TaskChange { SetsAssignee = true, Assignee = WorkerFacts }, Context(blocked: true)));

        Assert.Equal(TaskDecider.BlockedDetail, error.Detail);
        Assert.Equal("task_blocked_cannot_transition", error.Code);
    }

    [Fact]
    public void Given_task_of_other_board_When_worker_updates_Then_board_mismatch()
    {
        var error = Refused(Inbox(), Change(Worker with { BoardId = Guid.NewGuid() }, new TaskChange { Status = TaskStatus.InProgress }));

        Assert.Equal("task_board_mismatch", error.Code);
    }

    [Fact]
    public void Given_task_of_other_worker_When_worker_changes_status_Then_assignee_mismatch()
    {
        var error = Refused(InProgressBy(OtherWorkerId), Change(Worker, new TaskChange { Status = TaskStatus.Review }));

        Assert.Equal("task_assignee_mismatch", error.Code);
    }

    [Fact]
    public void Given_task_When_worker_sets_assignee_Then_field_forbidden()
    {
        var error = Refused(Inbox(), Change(Worker, new TaskChange { SetsAssignee = true, Assignee = WorkerFacts }));

        Assert.Equal("task_update_field_forbidden", error.Code);
    }

    [Fact]
    public void Given_only_lead_rule_When_worker_changes_status_Then_forbidden()
    {
        var error = Refused(Inbox(), Change(Worker, new TaskChange { Status = TaskStatus.InProgress }, Context(new BoardRules(OnlyLeadCanChangeStatus: true))));

        Assert.Equal("Only board leads can change task status.", error.Detail);
    }

    [Fact]
    public void Given_blocked_task_When_worker_starts_it_Then_blocked_conflict_but_inbox_allowed()
    {
        Refused(Inbox(), Change(Worker, new TaskChange { Status = TaskStatus.InProgress }, Context(blocked: true)));

        var task = Run(InProgressBy(WorkerId), Change(Worker, new TaskChange { Status = TaskStatus.Inbox }, Context(blocked: true)));
        Assert.Equal(TaskStatus.Inbox, task.Status);
        Assert.Null(task.AssignedAgentId);
    }

    [Fact]
    public void Given_review_before_done_rule_When_worker_marks_in_progress_task_done_Then_conflict()
    {
        var error = Refused(InProgressBy(WorkerId), Change(Worker, new TaskChange { Status = TaskStatus.Done }, Context(new BoardRules(RequireReviewBeforeDone: true))));

        Assert.Equal("Task can only be marked done from review when the board rule is enabled.", error.Detail);
    }

    [Fact]
    public void Given_comment_required_rule_When_worker_enters_review_without_comment_Then_comment_required()
    {
        var rules = new BoardRules(CommentRequiredForReview: true);

        var error = Refused(InProgressBy(WorkerId), Change(Worker, new TaskChange { Status = TaskStatus.Review }, Context(rules)));
        var withComment = Run(InProgressBy(WorkerId), Change(Worker, new TaskChange { Status = TaskStatus.Review, Comment = "done, see PR" }, Context(rules)));

        Assert.Equal("Comment is required.", error.Detail);
        Assert.Equal(TaskStatus.Review, withComment.Status);
    }

    [Fact]
    public void Given_blocked_in_progress_task_When_user_edits_it_Then_forced_back_to_inbox_unassigned()
    {
        var task = Run(InProgressBy(WorkerId), Change(User, new TaskChange { SetsTags = true }, Context(blocked: true)));

        Assert.Equal(TaskStatus.Inbox, task.Status);
        Assert.Null(task.AssignedAgentId);
    }

    [Fact]
    public void Given_done_task_When_user_changes_dependencies_Then_conflict()
    {
        var done = Run(InReviewFrom(WorkerId), Change(Lead, new TaskChange { Status = TaskStatus.Done }));

        var error = Refused(done, Change(User, new TaskChange { SetsDependencies = true }));

        Assert.Equal("Cannot change task dependencies after a task is done.", error.Detail);
    }

    [Fact]
    public void Given_task_When_user_sets_unknown_status_Then_validation_error()
    {
        Assert.Equal(DomainErrorKind.Validation, Refused(Inbox(), Change(User, new TaskChange { Status = "archived" })).Kind);
    }

    [Fact]
    public void Given_task_When_change_leaves_it_as_it_was_Then_no_event()
    {
        Assert.Empty(TaskDecider.Decide(Inbox(), Change(User, new TaskChange { Status = TaskStatus.Inbox })));
    }
}
