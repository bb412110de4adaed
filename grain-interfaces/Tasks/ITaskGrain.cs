using MissionControl.GrainInterfaces.Boards;
using MissionControl.Runtime;

namespace MissionControl.GrainInterfaces.Tasks;

/// <summary>
/// One task, keyed by its id (a Guid in its "D" form). Changes follow the rules for who makes
/// them (board lead, worker agent or user); what the grain cannot know about the task's
/// surroundings (dependencies, comments, board rules and lead) comes with the change. Broken
/// rules surface as domain errors; a task that does not exist is NotFound.
/// </summary>
public interface ITaskGrain : IGrain
{
    /// <summary>Creates the task. Validation for a blank title or unknown status; Conflict when it exists.</summary>
    Task<TaskView> Create(NewTask task);

    /// <summary>Changes status and/or assignee as <paramref name="by"/> may; an edit that changes nothing records nothing.</summary>
    Task<TaskView> Change(TaskEditor by, TaskEdit edit, TaskEditContext context);

    /// <summary>
    /// The agent was deleted: if it holds this task, an in-progress task goes back to the inbox
    /// unassigned and any other task just loses its assignee. Returns whether the task was
    /// released; a task the agent does not hold, or that does not exist, is left alone (false),
    /// so the clean-up can be repeated safely.
    /// </summary>
    Task<bool> ReleaseDeletedAgent(Guid agentId);

    Task<TaskView> Get();
}

/// <summary>What creating a task needs.</summary>
public sealed record NewTask(Guid BoardId, string Title)
{
    public string? Description { get; init; }

    /// <summary>inbox, in_progress, review or done; null means inbox.</summary>
    public string? Status { get; init; }

    /// <summary>Priority text; null or blank means medium.</summary>
    public string? Priority { get; init; }

    public Guid? AssignedAgentId { get; init; }

    public Guid? CreatedByUserId { get; init; }
}

/// <summary>Who changes a task, as the front door authenticated them.</summary>
public abstract record TaskEditor
{
    private TaskEditor()
    {
    }

    /// <summary>A user with write access to the board.</summary>
    public sealed record User(Guid UserId) : TaskEditor;

    /// <summary>The board's lead agent.</summary>
    public sealed record Lead(Guid AgentId, Guid BoardId) : TaskEditor;

    /// <summary>A worker agent (gateway-main agents have no board).</summary>
    public sealed record Worker(Guid AgentId, Guid? BoardId) : TaskEditor;
}

/// <summary>
/// The fields of a task PATCH. Status and assignee are decided here; the flags say which other
/// fields were present, so the rules can refuse them for roles that may not set them.
/// </summary>
public sealed record TaskEdit
{
    public string? Status { get; init; }

    /// <summary>True when an assignee was given, even as none (which unassigns).</summary>
    public bool SetsAssignee { get; init; }

    /// <summary>The new assignee when <see cref="SetsAssignee"/>; null unassigns.</summary>
    public TaskAssignee? Assignee { get; init; }

    /// <summary>Comment sent along with the change.</summary>
    public string? Comment { get; init; }

    public bool SetsDependencies { get; init; }

    public bool SetsTags { get; init; }

    public bool SetsCustomFields { get; init; }

    /// <summary>Names of other fields present (title, description, priority, due_at).</summary>
    public IReadOnlyList<string> OtherFields { get; init; } = [];
}

/// <summary>The agent a task should go to, as the caller found it.</summary>
public sealed record TaskAssignee(Guid AgentId, Guid? BoardId, bool IsBoardLead);

/// <summary>What the caller knows about the task's surroundings.</summary>
/// <param name="Rules">The board's workflow switches.</param>
/// <param name="IsBlocked">True when a dependency is not done.</param>
/// <param name="BoardLeadId">The board lead, who receives tasks entering review.</param>
/// <param name="HasRecentAssigneeComment">True when the assignee commented since work started.</param>
public sealed record TaskEditContext(WorkflowRules Rules, bool IsBlocked, Guid? BoardLeadId, bool HasRecentAssigneeComment = false);

/// <summary>A task as it may be shown.</summary>
public sealed record TaskView(
    Guid Id,
    Guid BoardId,
    string Title,
    string? Description,
    string Status,
    string Priority,
    Guid? AssignedAgentId,
    DateTimeOffset? InProgressAt,
    Guid? CreatedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
