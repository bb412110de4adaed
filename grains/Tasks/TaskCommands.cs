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

    /// <summary>Names of other fields present (title, description, priority, due_at).</summary>
    public IReadOnlyList<string> OtherFields { get; init; } = [];
}

/// <summary>What the caller knows about the task's surroundings.</summary>
/// <param name="Rules">The board's workflow switches.</param>
/// <param name="IsBlocked">True when a dependency is not done.</param>
/// <param name="BoardLeadId">The board lead, who receives tasks entering review.</param>
/// <param name="HasRecentAssigneeComment">True when the assignee commented since work started.</param>
public sealed record TaskContext(BoardRules Rules, bool IsBlocked, Guid? BoardLeadId, bool HasRecentAssigneeComment = false);

/// <summary>Change a task's status and/or assignee under the rules for the actor's role.</summary>
public sealed record ChangeTask(TaskActor Actor, TaskChange Change, TaskContext Context, DateTimeOffset Now) : TaskCommand(Now);
