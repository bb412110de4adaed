using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Boards;
using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks.Events;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Tasks;

/// <summary>
/// A task's event stream behind <see cref="ITaskGrain"/>: translates the editor, the edit and
/// its context into a <see cref="ChangeTask"/> for <see cref="TaskDecider"/>, stamped with the
/// clock's time.
/// </summary>
[GrainType("task")]
public sealed class TaskGrain(TimeProvider clock) : EntityGrain<TaskState, TaskEvent>, ITaskGrain
{
    protected override TaskState? Apply(TaskState? state, TaskEvent @event) => TaskEvolver.Apply(state, @event);

    protected override bool IsLive(TaskState state) => !state.IsDeleted;

    public Task<TaskView> Create(NewTask task) => Create(task, BoardTaskGraph.Empty);

    public async Task<TaskView> Create(NewTask task, BoardTaskGraph board)
    {
        var command = new CreateTask(EntityId, task.BoardId, task.Title, clock.GetUtcNow())
        {
            Description = task.Description,
            Status = task.Status ?? TaskStatus.Inbox,
            Priority = task.Priority ?? "medium",
            AssignedAgentId = task.AssignedAgentId,
            CreatedByUserId = task.CreatedByUserId,
            DueAt = task.DueAt,
            DependsOn = task.DependsOnTaskIds,
            Board = board,
            Assignee = ToFacts(task.Assignee),
            CreatedByLeadId = task.CreatedByLeadId,
            TagIds = task.TagIds,
            CustomFieldKeys = task.CustomFieldKeys,
        };
        await Execute(state => TaskDecider.Decide(state, command));
        return ToView(Live());
    }

    public async Task<bool> ReturnToInboxForReopenedDependency(Guid dependencyId)
    {
        var events = await Execute(state => TaskDecider.Decide(state, new ReturnToInboxForDependency(dependencyId, clock.GetUtcNow())));
        return events.Count > 0;
    }

    public async Task<TaskCommentView> Comment(TaskEditor by, string message, string? leadName = null)
    {
        var command = new CommentOnTask(Guid.NewGuid(), ToActor(by), message, leadName, clock.GetUtcNow());
        var events = await Execute(state => TaskDecider.Decide(state, command));
        var comment = events.OfType<TaskCommented>().Single();
        return new TaskCommentView(comment.CommentId, EntityId, comment.Message, comment.AgentId, comment.UserId, comment.At);
    }

    public async Task Delete(TaskEditor by)
    {
        var command = new DeleteTask(ToActor(by), clock.GetUtcNow());
        await Execute(state => TaskDecider.Decide(state, command));
    }

    public async Task<TaskView> Change(TaskEditor by, TaskEdit edit, TaskEditContext context)
    {
        var command = new ChangeTask(ToActor(by), ToChange(edit), ToContext(context), clock.GetUtcNow());
        await Execute(state => TaskDecider.Decide(state, command));
        return ToView(Live());
    }

    public async Task<bool> ReleaseDeletedAgent(Guid agentId)
    {
        var events = await Execute(state => TaskDecider.Decide(state, new ReleaseDeletedAgent(agentId, clock.GetUtcNow())));
        return events.Count > 0;
    }

    public Task<TaskView> Get() => Task.FromResult(ToView(Live()));

    private static TaskActor ToActor(TaskEditor editor) => editor switch
    {
        TaskEditor.User user => new UserTaskActor(user.UserId),
        TaskEditor.Lead lead => new LeadTaskActor(lead.AgentId, lead.BoardId),
        TaskEditor.Worker worker => new WorkerTaskActor(worker.AgentId, worker.BoardId),
        _ => throw DomainError.Forbidden(),
    };

    private static TaskChange ToChange(TaskEdit edit) => new()
    {
        Status = edit.Status,
        SetsAssignee = edit.SetsAssignee,
        Assignee = ToFacts(edit.Assignee),
        Comment = edit.Comment,
        SetsDependencies = edit.SetsDependencies,
        SetsTags = edit.SetsTags,
        SetsCustomFields = edit.SetsCustomFields,
        TagIds = edit.TagIds,
        CustomFieldKeys = edit.CustomFieldKeys,
        OtherFields = edit.OtherFields,
        DependsOnTaskIds = edit.DependsOnTaskIds,
        Title = edit.Title,
        Description = edit.Description,
        Priority = edit.Priority,
        DueAt = edit.DueAt,
    };

    private static AssigneeFacts? ToFacts(TaskAssignee? assignee) =>
        assignee is null ? null : new AssigneeFacts(assignee.AgentId, assignee.BoardId, assignee.IsBoardLead);

    private static TaskContext ToContext(TaskEditContext context) => new(
        BoardRulesMapping.ToDomain(context.Rules), context.IsBlocked, context.BoardLeadId, context.HasRecentAssigneeComment)
    {
        BlockedByTaskIds = context.BlockedByTaskIds,
        Board = context.Board,
    };

    private static TaskView ToView(TaskState task) => new(
        task.Id, task.BoardId, task.Title, task.Description, task.Status, task.Priority, task.AssignedAgentId,
        task.InProgressAt, task.CreatedByUserId, task.CreatedAt, task.UpdatedAt)
    {
        DueAt = task.DueAt,
        DependsOnTaskIds = task.DependsOn,
        AutoReason = task.AutoReason,
    };
}
