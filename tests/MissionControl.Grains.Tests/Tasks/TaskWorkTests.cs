using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks;
using MissionControl.Grains.Tasks.Events;
using static MissionControl.Grains.Tests.Tasks.TaskSpec;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.Grains.Tests.Tasks;

/// <summary>User edits of the text fields, lead-created tasks, comments and deletion.</summary>
public class TaskWorkTests
{
    private static CommentOnTask Say(TaskActor author, string message, string? leadName = "Lead Agent") =>
        new(Guid.NewGuid(), author, message, leadName, T0.AddMinutes(5));

    [Fact]
    public void Given_a_task_When_a_user_edits_title_description_priority_and_due_date_Then_they_change_and_the_rest_stays()
    {
        var due = T0.AddDays(3);
        var change = new TaskChange
        {
            OtherFields = ["title", "description", "priority", "due_at"],
            Title = "  Write the guide ",
            Description = " ",
            Priority = "high",
            DueAt = due,
        };

        var after = Run(InProgressBy(WorkerId), Change(User, change));

        Assert.Equal(("Write the guide", (string?)null, "high", (DateTimeOffset?)due), (after.Title, after.Description, after.Priority, after.DueAt));
        Assert.Equal((TaskStatus.InProgress, (Guid?)WorkerId), (after.Status, after.AssignedAgentId));
    }

    [Fact]
    public void Given_a_task_When_a_user_blanks_the_title_Then_422_and_an_edit_that_changes_nothing_records_nothing()
    {
        var task = Inbox();

        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(task, Change(User, new TaskChange { OtherFields = ["title"], Title = " " })));
        var same = TaskDecider.Decide(task, Change(User, new TaskChange { OtherFields = ["title", "priority"], Title = task.Title, Priority = task.Priority }));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Empty(same);
    }

    [Fact]
    public void Given_a_lead_When_it_creates_a_task_for_a_worker_Then_it_is_marked_as_the_leads_and_assigned()
    {
        var command = new CreateTask(Guid.NewGuid(), BoardId, "Research", T0)
        {
            CreatedByLeadId = LeadId,
            Assignee = new AssigneeFacts(WorkerId, BoardId, IsBoardLead: false),
        };

        var task = Run(null, command);

        Assert.Equal(($"lead_agent:{LeadId}", (Guid?)WorkerId), (task.AutoReason, task.AssignedAgentId));
    }

    [Fact]
    public void Given_a_lead_When_it_creates_a_task_for_itself_or_for_another_boards_agent_Then_403_and_409()
    {
        var forItself = new CreateTask(Guid.NewGuid(), BoardId, "Research", T0)
        {
            CreatedByLeadId = LeadId, Assignee = new AssigneeFacts(LeadId, BoardId, IsBoardLead: true),
        };
        var elsewhere = forItself with { Assignee = new AssigneeFacts(OtherWorkerId, Guid.NewGuid(), IsBoardLead: false) };

        var self = Assert.Throws<DomainException>(() => TaskDecider.Decide(null, forItself));
        var other = Assert.Throws<DomainException>(() => TaskDecider.Decide(null, elsewhere));

        Assert.Equal((DomainErrorKind.Forbidden, "Board leads cannot assign tasks to themselves."), (self.Kind, self.Detail));
        Assert.Equal(DomainErrorKind.Conflict, other.Kind);
    }

    [Fact]
    public void Given_an_in_progress_task_When_a_worker_or_user_comments_Then_the_comment_is_recorded_with_its_author()
    {
        var task = InProgressBy(WorkerId);

        var byWorker = Assert.IsType<TaskCommented>(Assert.Single(TaskDecider.Decide(task, Say(Worker, "Half way"))));
        var byUser = Assert.IsType<TaskCommented>(Assert.Single(TaskDecider.Decide(task, Say(User, "Thanks"))));

        Assert.Equal(("Half way", (Guid?)WorkerId, (Guid?)null), (byWorker.Message, byWorker.AgentId, byWorker.UserId));
        Assert.Equal(((Guid?)null, (Guid?)User.UserId), (byUser.AgentId, byUser.UserId));
        Assert.Equal(task, TaskEvolver.Apply(task, byWorker));
    }

    [Fact]
    public void Given_a_blank_comment_When_added_Then_422()
    {
        Assert.Equal(DomainErrorKind.Validation, Assert.Throws<DomainException>(() => TaskDecider.Decide(Inbox(), Say(User, "  "))).Kind);
    }

    [Fact]
    public void Given_an_in_progress_task_the_lead_did_not_create_When_the_lead_comments_unasked_Then_403()
    {
        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(InProgressBy(WorkerId), Say(Lead, "Any news?")));

        Assert.Equal((DomainErrorKind.Forbidden, TaskDecider.LeadCommentDetail), (error.Kind, error.Detail));
    }

    [Theory]
    [InlineData("review")]
    [InlineData("mentioned")]
    [InlineData("created")]
    public void Given_review_a_mention_or_its_own_task_When_the_lead_comments_Then_it_is_recorded(string why)
    {
        var task = why switch
        {
            "review" => InReviewFrom(WorkerId),
            "created" => Run(null, new CreateTask(Guid.NewGuid(), BoardId, "Research", T0) { CreatedByLeadId = LeadId }),
            _ => InProgressBy(WorkerId),
        };
        var message = why == "mentioned" ? "@lead can you look?" : "Looks good";

        Assert.Single(TaskDecider.Decide(task, Say(Lead, message)));
    }

    [Fact]
    public void Given_a_task_When_a_worker_deletes_it_Then_403_only_leads_while_user_and_lead_may()
    {
        var task = InProgressBy(WorkerId);

        var error = Assert.Throws<DomainException>(() => TaskDecider.Decide(task, new DeleteTask(Worker, T0)));
        var byLead = Run(task, new DeleteTask(Lead, T0));

        Assert.Equal("Only board leads can perform this action", error.Detail);
        Assert.True(byLead.IsDeleted);
        Assert.True(Run(task, new DeleteTask(User, T0)).IsDeleted);
    }

    [Fact]
    public void Given_a_deleted_task_When_changed_commented_or_deleted_again_Then_404()
    {
        var deleted = Run(Inbox(), new DeleteTask(User, T0));

        foreach (var command in new TaskCommand[] { Change(User, new TaskChange { Status = TaskStatus.Done }), Say(User, "hi"), new DeleteTask(User, T0) })
            Assert.Equal(DomainErrorKind.NotFound, Assert.Throws<DomainException>(() => TaskDecider.Decide(deleted, command)).Kind);
    }
}
