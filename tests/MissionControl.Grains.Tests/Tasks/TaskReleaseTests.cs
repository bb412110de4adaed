using MissionControl.Grains.Tasks;
using MissionControl.Grains.Tasks.Events;
using static MissionControl.Grains.Tests.Tasks.TaskSpec;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.Grains.Tests.Tasks;

public class TaskReleaseTests
{
    [Fact]
    public void Given_in_progress_task_of_deleted_agent_When_released_Then_back_in_inbox_unassigned()
    {
        var task = Run(InProgressBy(WorkerId), new ReleaseDeletedAgent(WorkerId, T0.AddHours(1)));

        Assert.Equal(TaskStatus.Inbox, task.Status);
        Assert.Null(task.AssignedAgentId);
        Assert.Null(task.InProgressAt);
    }

    [Fact]
    public void Given_review_task_assigned_to_deleted_agent_When_released_Then_unassigned_keeping_status()
    {
        var review = InReviewFrom(WorkerId);
        Assert.Equal(LeadId, review.AssignedAgentId);

        var task = Run(review, new ReleaseDeletedAgent(LeadId, T0.AddHours(1)));

        Assert.Equal(TaskStatus.Review, task.Status);
        Assert.Null(task.AssignedAgentId);
    }

    [Fact]
    public void Given_task_of_another_agent_When_agent_released_Then_no_event()
    {
        Assert.Empty(TaskDecider.Decide(InProgressBy(OtherWorkerId), new ReleaseDeletedAgent(WorkerId, T0)));
    }

    [Fact]
    public void Given_released_task_When_released_again_Then_no_event()
    {
        var task = Run(InProgressBy(WorkerId), new ReleaseDeletedAgent(WorkerId, T0));

        Assert.Empty(TaskDecider.Decide(task, new ReleaseDeletedAgent(WorkerId, T0)));
    }

    [Fact]
    public void Given_in_progress_task_When_released_Then_event_says_returned_to_inbox()
    {
        var events = TaskDecider.Decide(InProgressBy(WorkerId), new ReleaseDeletedAgent(WorkerId, T0));

        Assert.Equal(new TaskReleasedFromAgent(WorkerId, true, T0), Assert.Single(events));
    }
}
