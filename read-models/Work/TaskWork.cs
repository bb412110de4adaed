using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using Orleans;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.ReadModels.Work;

/// <summary>
/// Runs task requests: gathers what the task rules need from the read models (board rules and
/// lead, dependencies and whether they are done, the assignee's board), has the task's grain
/// decide, then does what follows outside the task's own stream: dependents of a reopened task
/// go back to the inbox. The agents concerned are told after the commit, by the
/// <see cref="NoticeDispatcher"/>. Dependency edits go through the board's grain, which takes
/// them one at a time, so two concurrent edits cannot close a cycle between them.
/// </summary>
public sealed class TaskWork(
    IGrainFactory grains,
    TaskDependencyQueries dependencies,
    AgentQueries agents,
    ActivityQueries activity)
{
    public async Task<TaskView> CreateAsync(BoardRow board, WorkActor actor, NewTask request, Guid? assigneeId, CancellationToken ct)
    {
        var assignee = await AssigneeAsync(board, assigneeId, ct);
        var task = request with
        {
            BoardId = board.Id,
            Assignee = assignee,
            AssignedAgentId = assignee?.AgentId,
            CreatedByLeadId = actor.Editor is TaskEditor.Lead lead ? lead.AgentId : null,
        };
        var taskId = Guid.NewGuid();
        TaskView created;
        using (actor.Stamp())
        {
            created = task.DependsOnTaskIds.Count > 0
                ? await BoardOf(board.Id).CreateDependentTask(taskId, task)
                : await GrainOf(taskId).Create(task, BoardTaskGraph.Empty);
        }

        return created;
    }

    public async Task<TaskView> ChangeAsync(BoardRow board, TaskRow task, WorkActor actor, TaskEdit edit, Guid? assigneeId, CancellationToken ct)
    {
        if (edit.SetsAssignee)
            edit = edit with { Assignee = await AssigneeAsync(board, assigneeId, ct) };
        var context = await ContextAsync(board, task, ct);
        TaskView changed;
        using (actor.Stamp())
        {
            changed = edit.SetsDependencies
                ? await BoardOf(board.Id).ChangeTaskDependencies(task.Id, actor.Editor, edit, context)
                : await GrainOf(task.Id).Change(actor.Editor, edit, context);
        }

        if (task.Status == TaskStatus.Done && changed.Status != TaskStatus.Done)
            await ReturnDependentsToInboxAsync(task.Id, actor, ct);
        return changed;
    }

    public async Task DeleteAsync(TaskRow task, WorkActor actor)
    {
        using (actor.Stamp())
            await GrainOf(task.Id).Delete(actor.Editor);
    }

    public async Task<TaskCommentView> CommentAsync(TaskRow task, WorkActor actor, string message)
    {
        using (actor.Stamp())
            return await GrainOf(task.Id).Comment(actor.Editor, message, (actor as WorkActor.Agent)?.Row.Name);
    }

    // The board's dependency graph, when an edit needs it, is read by the board grain itself.
    private async Task<TaskEditContext> ContextAsync(BoardRow board, TaskRow task, CancellationToken ct)
    {
        var current = await dependencies.OfTaskAsync(task.Id, ct);
        var recentComment = task.AssignedAgentId is { } assignee
            && await activity.HasCommentByAsync(task.Id, assignee, task.InProgressAt, ct);
        return new TaskEditContext(Rules(board), current.IsBlocked, board.LeadAgentId, recentComment)
        {
            BlockedByTaskIds = current.BlockedBy,
        };
    }

    // Reopening a finished task unblocks nothing any more: its dependents go back to the inbox.
    private async Task ReturnDependentsToInboxAsync(Guid taskId, WorkActor actor, CancellationToken ct)
    {
        foreach (var dependent in await dependencies.DependentsOfAsync(taskId, ct))
        {
            using (actor.Stamp())
                await GrainOf(dependent).ReturnToInboxForReopenedDependency(taskId);
        }
    }

    /// <summary>
    /// The assignee as the rules need it. An agent that does not exist, or belongs to another
    /// organization (whose agents stay unknown here), is 404.
    /// </summary>
    private async Task<TaskAssignee?> AssigneeAsync(BoardRow board, Guid? agentId, CancellationToken ct)
    {
        if (agentId is not { } id)
            return null;
        var agent = await agents.GetAsync(id, ct);
        if (agent is null || agent.OrganizationId != board.OrganizationId)
            throw DomainError.NotFound();
        return new TaskAssignee(agent.Id, agent.BoardId, agent.IsBoardLead);
    }

    private ITaskGrain GrainOf(Guid taskId) => grains.GetGrain<ITaskGrain>(taskId.ToString());

    private IBoardGrain BoardOf(Guid boardId) => grains.GetGrain<IBoardGrain>(boardId.ToString());

    private static WorkflowRules Rules(BoardRow board) => new(
        board.RequireApprovalForDone, board.RequireReviewBeforeDone, board.CommentRequiredForReview,
        board.BlockStatusChangesWithPendingApproval, board.OnlyLeadCanChangeStatus, board.MaxAgents);
}
