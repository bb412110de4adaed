using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Boards;

namespace MissionControl.Grains.Tasks;

/// <summary>Base of task commands; <paramref name="Now"/> comes from the caller.</summary>
public abstract record TaskCommand(DateTimeOffset Now);

/// <summary>Create a task (users only).</summary>
public sealed record CreateTask(Guid TaskId, Guid BoardId, string Title, DateTimeOffset Now) : TaskCommand(Now)
{
    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Initial status.</summary>
    public string Status { get; init; } = TaskStatus.Inbox;

    /// <summary>Priority.</summary>
    public string Priority { get; init; } = "medium";

    /// <summary>Initial assignee.</summary>
    public Guid? AssignedAgentId { get; init; }

    /// <summary>Creating user.</summary>
    public Guid? CreatedByUserId { get; init; }

    /// <summary>Due date.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Requested dependencies, checked against <see cref="Board"/>.</summary>
    public IReadOnlyList<Guid> DependsOn { get; init; } = [];

    /// <summary>The board's tasks (needed when <see cref="DependsOn"/> is not empty).</summary>
    public BoardTaskGraph Board { get; init; } = BoardTaskGraph.Empty;

    /// <summary>Tags to put on it.</summary>
    public IReadOnlyList<Guid> TagIds { get; init; } = [];

    /// <summary>Custom fields given values.</summary>
    public IReadOnlyList<string> CustomFieldKeys { get; init; } = [];

    /// <summary>The assignee as the caller found it; when set it decides <see cref="AssignedAgentId"/>.</summary>
    public AssigneeFacts? Assignee { get; init; }

    /// <summary>The lead creating the task, when a board lead does.</summary>
    public Guid? CreatedByLeadId { get; init; }
}

/// <summary>The agent was deleted: in-progress work goes back to the inbox, everything else is just unassigned.</summary>
public sealed record ReleaseDeletedAgent(Guid AgentId, DateTimeOffset Now) : TaskCommand(Now);

/// <summary>Who is changing a task.</summary>
public abstract record TaskActor;

/// <summary>The board lead.</summary>
public sealed record LeadTaskActor(Guid AgentId, Guid BoardId) : TaskActor;

/// <summary>A worker agent.</summary>
public sealed record WorkerTaskActor(Guid AgentId, Guid? BoardId) : TaskActor;

/// <summary>A user with write access to the board.</summary>
public sealed record UserTaskActor(Guid UserId) : TaskActor;

/// <summary>The agent a task should be assigned to, as the caller found it.</summary>
public sealed record AssigneeFacts(Guid AgentId, Guid? BoardId, bool IsBoardLead);

/// <summary>
/// The fields of a task PATCH. Only status and assignee are decided here; the flags say which
/// other fields were present so the field gates can refuse them.
/// </summary>
public sealed record TaskChange
{
    /// <summary>Requested status.</summary>
    public string? Status { get; init; }

    /// <summary>True when <c>assigned_agent_id</c> was present (even as null).</summary>
    public bool SetsAssignee { get; init; }

    /// <summary>Requested assignee (null unassigns) when <see cref="SetsAssignee"/>.</summary>
    public AssigneeFacts? Assignee { get; init; }

    /// <summary>Comment text sent with the change.</summary>
    public string? Comment { get; init; }

    /// <summary>True when dependencies were present.</summary>
    public bool SetsDependencies { get; init; }

    /// <summary>True when tags were present.</summary>
    public bool SetsTags { get; init; }

    /// <summary>True when custom field values were present.</summary>
    public bool SetsCustomFields { get; init; }

    /// <summary>The tags given when <see cref="SetsTags"/>.</summary>
    public IReadOnlyList<Guid> TagIds { get; init; } = [];

    /// <summary>The custom fields given values when <see cref="SetsCustomFields"/>.</summary>
    public IReadOnlyList<string> CustomFieldKeys { get; init; } = [];

    /// <summary>Names of other fields present (title, description, priority, due_at).</summary>
    public IReadOnlyList<string> OtherFields { get; init; } = [];

    /// <summary>New dependencies when <see cref="SetsDependencies"/>.</summary>
    public IReadOnlyList<Guid> DependsOnTaskIds { get; init; } = [];

    /// <summary>New title, when "title" is among <see cref="OtherFields"/>.</summary>
    public string? Title { get; init; }

    /// <summary>New description, when "description" is among <see cref="OtherFields"/> (blank clears).</summary>
    public string? Description { get; init; }

    /// <summary>New priority, when "priority" is among <see cref="OtherFields"/>.</summary>
    public string? Priority { get; init; }

    /// <summary>New due date, when "due_at" is among <see cref="OtherFields"/> (null clears).</summary>
    public DateTimeOffset? DueAt { get; init; }
}

/// <summary>What the caller knows about the task's surroundings.</summary>
/// <param name="Rules">The board's workflow switches.</param>
/// <param name="IsBlocked">True when a dependency is not done.</param>
/// <param name="BoardLeadId">The board lead, who receives tasks entering review.</param>
/// <param name="HasRecentAssigneeComment">True when the assignee commented since work started.</param>
public sealed record TaskContext(BoardRules Rules, bool IsBlocked, Guid? BoardLeadId, bool HasRecentAssigneeComment = false)
{
    /// <summary>The unfinished dependencies behind <see cref="IsBlocked"/>, named in the 409 body.</summary>
    public IReadOnlyList<Guid> BlockedByTaskIds { get; init; } = [];

    /// <summary>The board's tasks; required when the change sets dependencies.</summary>
    public BoardTaskGraph? Board { get; init; }
}

/// <summary>Change a task's status and/or assignee under the rules for the actor's role.</summary>
public sealed record ChangeTask(TaskActor Actor, TaskChange Change, TaskContext Context, DateTimeOffset Now) : TaskCommand(Now);

/// <summary>Add a comment; <paramref name="LeadName"/> lets a lead's mention be recognised.</summary>
public sealed record CommentOnTask(Guid CommentId, TaskActor Author, string Message, string? LeadName, DateTimeOffset Now) : TaskCommand(Now);

/// <summary>Delete the task (users and the board's lead).</summary>
public sealed record DeleteTask(TaskActor Actor, DateTimeOffset Now) : TaskCommand(Now);

/// <summary>A dependency left <c>done</c>: unless done itself, the task returns to the inbox unassigned.</summary>
public sealed record ReturnToInboxForDependency(Guid DependencyId, DateTimeOffset Now) : TaskCommand(Now);
