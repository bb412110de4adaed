using MissionControl.Grains.Boards;
using MissionControl.Grains.Tasks;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.Grains.Tests.Tasks;

/// <summary>Builds tasks in a given status and runs task commands against them.</summary>
internal static class TaskSpec
{
    public static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);
    public static readonly Guid BoardId = Guid.NewGuid();
    public static readonly Guid LeadId = Guid.NewGuid();
    public static readonly Guid WorkerId = Guid.NewGuid();
    public static readonly Guid OtherWorkerId = Guid.NewGuid();

    public static readonly LeadTaskActor Lead = new(LeadId, BoardId);
    public static readonly WorkerTaskActor Worker = new(WorkerId, BoardId);
    public static readonly UserTaskActor User = new(Guid.NewGuid());

    public static TaskContext Context(BoardRules? rules = null, bool blocked = false, bool recentComment = false) =>
        new(rules ?? new BoardRules(), blocked, LeadId, recentComment);

    public static TaskState Run(TaskState? state, TaskCommand command) =>
        TaskEvolver.Fold(TaskDecider.Decide(state, command), state)!;

    public static TaskState Inbox() => Run(null, new CreateTask(Guid.NewGuid(), BoardId, "Write docs", T0));

    public static TaskState InProgressBy(Guid workerId)
    {
        var actor = new WorkerTaskActor(workerId, BoardId);
        return Run(Inbox(), new ChangeTask(actor, new TaskChange { Status = TaskStatus.InProgress }, Context(), T0.AddMinutes(1)));
    }

    public static TaskState InReviewFrom(Guid workerId)
    {
        var actor = new WorkerTaskActor(workerId, BoardId);
        return Run(InProgressBy(workerId), new ChangeTask(actor, new TaskChange { Status = TaskStatus.Review }, Context(), T0.AddMinutes(2)));
    }

    public static ChangeTask Change(TaskActor actor, TaskChange change, TaskContext? context = null) =>
        new(actor, change, context ?? Context(), T0.AddMinutes(10));
}
