using MissionControl.GrainInterfaces.Boards;
using Orleans;

namespace MissionControl.GrainInterfaces.Tasks;

/// <summary>
/// One task, keyed by its id (a Guid in its "D" form). Changes follow the rules for who makes
/// them (board lead, worker agent or user); what the grain cannot know about the task's
/// surroundings (dependencies, comments, board rules and lead) comes with the change. Broken
/// rules surface as domain errors; a task that does not exist is NotFound.
/// </summary>
public interface ITaskGrain : IGrainWithStringKey
{
    /// <summary>Creates the task. Validation for a blank title or unknown status; Conflict when it exists.</summary>
    Task<TaskView> Create(NewTask task);

    /// <summary>
    /// Creates the task with dependencies, checked against <paramref name="board"/> (self 422,
    /// missing 404, cycle 409); a blocked task may only start unassigned in the inbox (409).
    /// </summary>
    Task<TaskView> Create(NewTask task, BoardTaskGraph board);

    /// <summary>Changes status and/or assignee as <paramref name="by"/> may; an edit that changes nothing records nothing.</summary>
    Task<TaskView> Change(TaskEditor by, TaskEdit edit, TaskEditContext context);

    /// <summary>
    /// The agent was deleted: if it holds this task, an in-progress task goes back to the inbox
    /// unassigned and any other task just loses its assignee. Returns whether the task was
    /// released; a task the agent does not hold, or that does not exist, is left alone (false),
    /// so the clean-up can be repeated safely.
    /// </summary>
    Task<bool> ReleaseDeletedAgent(Guid agentId);

    /// <summary>
    /// A dependency of this task was reopened: unless done, the task goes back to the inbox
    /// unassigned. Returns whether it moved (a task already there, done or gone stays as it is).
    /// </summary>
    Task<bool> ReturnToInboxForReopenedDependency(Guid dependencyId);

    /// <summary>
    /// Adds a comment as <paramref name="by"/>. A lead may comment only during review, when
    /// mentioned by <paramref name="leadName"/>, or on a task it created (403 otherwise).
    /// </summary>
    Task<TaskCommentView> Comment(TaskEditor by, string message, string? leadName = null);

    /// <summary>Deletes the task: users and the board's lead may, workers may not (403).</summary>
    Task Delete(TaskEditor by);

    Task<TaskView> Get();
}

/// <summary>The tasks of a board as dependency checks see them: each task's status and what it depends on.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.board-task-graph")]
public sealed record BoardTaskGraph(IReadOnlyDictionary<Guid, TaskNode> Tasks)
{
    public static readonly BoardTaskGraph Empty = new(new Dictionary<Guid, TaskNode>());
}

/// <summary>One task of a <see cref="BoardTaskGraph"/>.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.task-node")]
public sealed record TaskNode(string Status, IReadOnlyList<Guid> DependsOn);

/// <summary>A comment as it may be shown.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.task-comment-view")]
public sealed record TaskCommentView(Guid Id, Guid TaskId, string Message, Guid? AgentId, Guid? UserId, DateTimeOffset CreatedAt);

/// <summary>What creating a task needs.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.new-task")]
public sealed record NewTask(Guid BoardId, string Title)
{
    [Orleans.Id(2)]
    public string? Description { get; init; }

    /// <summary>inbox, in_progress, review or done; null means inbox.</summary>
    [Orleans.Id(3)]
    public string? Status { get; init; }

    /// <summary>Priority text; null or blank means medium.</summary>
    [Orleans.Id(4)]
    public string? Priority { get; init; }

    [Orleans.Id(5)]
    public Guid? AssignedAgentId { get; init; }

    [Orleans.Id(6)]
    public Guid? CreatedByUserId { get; init; }

    [Orleans.Id(7)]
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Tasks this one waits for (all on the same board).</summary>
    [Orleans.Id(8)]
    public IReadOnlyList<Guid> DependsOnTaskIds { get; init; } = [];

    /// <summary>The assignee as the caller found it, checked like a PATCH's (on the board; a lead not to itself).</summary>
    [Orleans.Id(9)]
    public TaskAssignee? Assignee { get; init; }

    /// <summary>The lead creating it, for tasks made by a board lead (<c>auto_created</c>).</summary>
    [Orleans.Id(10)]
    public Guid? CreatedByLeadId { get; init; }

    /// <summary>Tags to put on it (none exist yet, so any is refused).</summary>
    [Orleans.Id(11)]
    public IReadOnlyList<Guid> TagIds { get; init; } = [];

    /// <summary>Custom fields given values (none are defined yet, so any is refused).</summary>
    [Orleans.Id(12)]
    public IReadOnlyList<string> CustomFieldKeys { get; init; } = [];
}

/// <summary>Who changes a task, as the front door authenticated them.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.task-editor")]
public abstract record TaskEditor
{
    private TaskEditor()
    {
    }

    /// <summary>A user with write access to the board.</summary>
    [Orleans.GenerateSerializer]
    [Orleans.Alias("mc.task-editor.user")]
    public sealed record User(Guid UserId) : TaskEditor;

    /// <summary>The board's lead agent.</summary>
    [Orleans.GenerateSerializer]
    [Orleans.Alias("mc.task-editor.lead")]
    public sealed record Lead(Guid AgentId, Guid BoardId) : TaskEditor;

    /// <summary>A worker agent (gateway-main agents have no board).</summary>
    [Orleans.GenerateSerializer]
    [Orleans.Alias("mc.task-editor.worker")]
    public sealed record Worker(Guid AgentId, Guid? BoardId) : TaskEditor;
}

/// <summary>
/// The fields of a task PATCH. Status and assignee are decided here; the flags say which other
/// fields were present, so the rules can refuse them for roles that may not set them.
/// </summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.task-edit")]
public sealed record TaskEdit
{
    [Orleans.Id(0)]
    public string? Status { get; init; }

    /// <summary>True when an assignee was given, even as none (which unassigns).</summary>
    [Orleans.Id(1)]
    public bool SetsAssignee { get; init; }

    /// <summary>The new assignee when <see cref="SetsAssignee"/>; null unassigns.</summary>
    [Orleans.Id(2)]
    public TaskAssignee? Assignee { get; init; }

    /// <summary>Comment sent along with the change.</summary>
    [Orleans.Id(3)]
    public string? Comment { get; init; }

    [Orleans.Id(4)]
    public bool SetsDependencies { get; init; }

    [Orleans.Id(5)]
    public bool SetsTags { get; init; }

    [Orleans.Id(6)]
    public bool SetsCustomFields { get; init; }

    /// <summary>Names of other fields present (title, description, priority, due_at).</summary>
    [Orleans.Id(7)]
    public IReadOnlyList<string> OtherFields { get; init; } = [];

    /// <summary>The new dependencies when <see cref="SetsDependencies"/>.</summary>
    [Orleans.Id(8)]
    public IReadOnlyList<Guid> DependsOnTaskIds { get; init; } = [];

    /// <summary>New title (users only); null keeps it.</summary>
    [Orleans.Id(9)]
    public string? Title { get; init; }

    /// <summary>New description when "description" is among <see cref="OtherFields"/>; null or blank clears it.</summary>
    [Orleans.Id(10)]
    public string? Description { get; init; }

    /// <summary>New priority (users only); null keeps it.</summary>
    [Orleans.Id(11)]
    public string? Priority { get; init; }

    /// <summary>New due date when "due_at" is among <see cref="OtherFields"/>; null clears it.</summary>
    [Orleans.Id(12)]
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The tags given when <see cref="SetsTags"/>.</summary>
    [Orleans.Id(13)]
    public IReadOnlyList<Guid> TagIds { get; init; } = [];

    /// <summary>The custom fields given values when <see cref="SetsCustomFields"/>.</summary>
    [Orleans.Id(14)]
    public IReadOnlyList<string> CustomFieldKeys { get; init; } = [];
}

/// <summary>The agent a task should go to, as the caller found it.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.task-assignee")]
public sealed record TaskAssignee(Guid AgentId, Guid? BoardId, bool IsBoardLead);

/// <summary>What the caller knows about the task's surroundings.</summary>
/// <param name="Rules">The board's workflow switches.</param>
/// <param name="IsBlocked">True when a dependency is not done.</param>
/// <param name="BoardLeadId">The board lead, who receives tasks entering review.</param>
/// <param name="HasRecentAssigneeComment">True when the assignee commented since work started.</param>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.task-edit-context")]
public sealed record TaskEditContext(WorkflowRules Rules, bool IsBlocked, Guid? BoardLeadId, bool HasRecentAssigneeComment = false)
{
    /// <summary>The unfinished dependencies that make the task blocked (for the 409 body).</summary>
    [Orleans.Id(4)]
    public IReadOnlyList<Guid> BlockedByTaskIds { get; init; } = [];

    /// <summary>The board's tasks, needed when the edit sets dependencies.</summary>
    [Orleans.Id(5)]
    public BoardTaskGraph? Board { get; init; }
}

/// <summary>A task as it may be shown.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.task-view")]
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
    DateTimeOffset UpdatedAt)
{
    [Orleans.Id(11)]
    public DateTimeOffset? DueAt { get; init; }

    [Orleans.Id(12)]
    public IReadOnlyList<Guid> DependsOnTaskIds { get; init; } = [];

    /// <summary>Set for tasks a board lead created: <c>lead_agent:&lt;id&gt;</c>.</summary>
    [Orleans.Id(13)]
    public string? AutoReason { get; init; }
}
