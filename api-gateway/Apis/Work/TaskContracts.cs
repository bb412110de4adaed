using System.Text.Json;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>
/// A task as the API shows it (upstream <c>TaskRead</c>). Tags and custom fields are not defined
/// in this service yet, so they are always empty. A done task is never blocked.
/// </summary>
public record TaskRead(
    Guid Id,
    Guid BoardId,
    string Title,
    string? Description,
    string Status,
    string Priority,
    DateTimeOffset? DueAt,
    Guid? AssignedAgentId,
    IReadOnlyList<Guid> DependsOnTaskIds,
    IReadOnlyList<Guid> TagIds,
    IReadOnlyList<TagRef> Tags,
    IReadOnlyList<Guid> BlockedByTaskIds,
    bool IsBlocked,
    IReadOnlyDictionary<string, JsonElement> CustomFieldValues,
    Guid? CreatedByUserId,
    DateTimeOffset? InProgressAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool AutoCreated => AutoReason is not null;

    public string? AutoReason { get; init; }

    public static TaskRead From(TaskRow task, TaskDependencies dependencies) => new(
        task.Id, task.BoardId, task.Title, task.Description, task.Status, task.Priority, task.DueAt, task.AssignedAgentId,
        dependencies.DependsOn, [], [], dependencies.BlockedBy, dependencies.IsBlocked, new Dictionary<string, JsonElement>(),
        task.CreatedByUserId, task.InProgressAt, task.CreatedAt, task.UpdatedAt)
    {
        AutoReason = task.AutoReason,
    };
}

/// <summary>A tag as tasks show it.</summary>
public sealed record TagRef(Guid Id, string Name, string Slug, string Color);

/// <summary>The body of a task creation (upstream <c>TaskCreate</c>); <c>created_by_user_id</c> is always the caller.</summary>
public sealed record TaskCreate(
    string Title,
    string? Description = null,
    string? Status = null,
    string? Priority = null,
    DateTimeOffset? DueAt = null,
    Guid? AssignedAgentId = null,
    IReadOnlyList<Guid>? DependsOnTaskIds = null,
    IReadOnlyList<Guid>? TagIds = null,
    Guid? CreatedByUserId = null,
    IReadOnlyDictionary<string, JsonElement>? CustomFieldValues = null)
{
    /// <summary>The task to create (its grain judges tags and custom fields).</summary>
    public NewTask ToNewTask(Guid boardId, Guid? createdByUserId)
    {
        return new NewTask(boardId, Title)
        {
            Description = Description,
            Status = Status,
            Priority = Priority,
            DueAt = DueAt,
            DependsOnTaskIds = DependsOnTaskIds ?? [],
            CreatedByUserId = createdByUserId,
            TagIds = TagIds ?? [],
            CustomFieldKeys = [.. CustomFieldValues?.Keys ?? []],
        };
    }
}

/// <summary>A comment on a task (upstream <c>TaskCommentRead</c>).</summary>
public sealed record TaskCommentRead(Guid Id, string? Message, Guid? AgentId, Guid? TaskId, DateTimeOffset CreatedAt)
{
    public static TaskCommentRead From(ActivityRow row) => new(row.Id, row.Message, row.AgentId, row.TaskId, row.CreatedAt);

    public static TaskCommentRead From(TaskCommentView comment) => new(comment.Id, comment.Message, comment.AgentId, comment.TaskId, comment.CreatedAt);
}

/// <summary>The body of a new comment.</summary>
public sealed record TaskCommentCreate(string Message);
