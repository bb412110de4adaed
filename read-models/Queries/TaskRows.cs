namespace MissionControl.ReadModels.Queries;

/// <summary>A task as lists show it (the columns of the API's TaskRead that tasks have so far).</summary>
public sealed record TaskRow(
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
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public DateTimeOffset? DueAt { get; init; }

    /// <summary><c>lead_agent:&lt;id&gt;</c> for tasks a board lead created (they are <c>auto_created</c>).</summary>
    public string? AutoReason { get; init; }
}

/// <summary>
/// Optional filters of a board's task list: any of <paramref name="Statuses"/> (none: all),
/// one assignee, or only unassigned tasks.
/// </summary>
public sealed record TaskListFilter(
    IReadOnlyCollection<string>? Statuses = null,
    Guid? AssignedAgentId = null,
    bool UnassignedOnly = false);
