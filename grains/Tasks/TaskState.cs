namespace MissionControl.Grains.Tasks;

/// <summary>Task status values.</summary>
public static class TaskStatus
{
    /// <summary>Backlog, not being worked on.</summary>
    public const string Inbox = "inbox";

    /// <summary>An agent is working on it.</summary>
    public const string InProgress = "in_progress";

    /// <summary>Waiting for the lead's review.</summary>
    public const string Review = "review";

    /// <summary>Finished.</summary>
    public const string Done = "done";

    /// <summary>True for one of the four statuses.</summary>
    public static bool IsKnown(string status) => status is Inbox or InProgress or Review or Done;
}

/// <summary>A task on a board. Snapshotted as JSON.</summary>
/// <param name="Id">Task id.</param>
/// <param name="BoardId">Board it belongs to.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Description.</param>
/// <param name="Status">A <see cref="TaskStatus"/> value.</param>
/// <param name="Priority">Priority text (default medium).</param>
/// <param name="AssignedAgentId">Assignee.</param>
/// <param name="InProgressAt">When work last started.</param>
/// <param name="PreviousInProgressAt">When the previous stretch of work started (kept when leaving in_progress).</param>
/// <param name="CreatedByUserId">Creator, when a user.</param>
/// <param name="ReviewSubmittedBy">The worker who last moved it to review; gets it back on rework.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Time of the latest event.</param>
public sealed record TaskState(
    Guid Id,
    Guid BoardId,
    string Title,
    string? Description,
    string Status,
    string Priority,
    Guid? AssignedAgentId,
    DateTimeOffset? InProgressAt,
    DateTimeOffset? PreviousInProgressAt,
    Guid? CreatedByUserId,
    Guid? ReviewSubmittedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>When it is due, if set.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Tasks this one waits for.</summary>
    public IReadOnlyList<Guid> DependsOn { get; init; } = [];

    /// <summary><c>lead_agent:&lt;id&gt;</c> for tasks a board lead created.</summary>
    public string? AutoReason { get; init; }

    /// <summary>True after deletion; a deleted task is shown as not found.</summary>
    public bool IsDeleted { get; init; }
}
