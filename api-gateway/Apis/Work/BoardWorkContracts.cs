using MissionControl.GrainInterfaces.Boards;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>A board memory entry (upstream <c>BoardMemoryRead</c>).</summary>
public sealed record BoardMemoryRead(
    Guid Id, Guid BoardId, string Content, IReadOnlyList<string>? Tags, bool IsChat, string? Source, DateTimeOffset CreatedAt)
{
    public static BoardMemoryRead From(BoardMemoryRow row) => new(row.Id, row.BoardId, row.Content, row.Tags, row.IsChat, row.Source, row.CreatedAt);

    public static BoardMemoryRead From(BoardMemoryView view) => new(view.Id, view.BoardId, view.Content, view.Tags, view.IsChat, view.Source, view.CreatedAt);
}

/// <summary>The body of a memory post; tagged <c>chat</c> it is a chat message.</summary>
public sealed record BoardMemoryCreate(string Content, IReadOnlyList<string>? Tags = null, string? Source = null);

/// <summary>
/// A row of the activity feed (upstream <c>ActivityEventRead</c>), with the frontend route that
/// shows it: the task (or comment) on its board, the board chat for board events, the
/// approvals panel for approvals, and the activity page for events of no board.
/// </summary>
public sealed record ActivityEventRead(
    Guid Id,
    string EventType,
    string? Message,
    Guid? AgentId,
    Guid? TaskId,
    Guid? BoardId,
    string RouteName,
    IReadOnlyDictionary<string, string> RouteParams,
    DateTimeOffset CreatedAt)
{
    public static ActivityEventRead From(ActivityRow row)
    {
        var (name, parameters) = Route(row);
        return new ActivityEventRead(row.Id, row.EventType, row.Message, row.AgentId, row.TaskId, row.BoardId, name, parameters, row.CreatedAt);
    }

    private static (string, Dictionary<string, string>) Route(ActivityRow row)
    {
        if (row.BoardId is not { } boardId)
        {
            var parameters = new Dictionary<string, string>
            {
                ["eventId"] = row.Id.ToString(),
                ["eventType"] = row.EventType,
                ["createdAt"] = row.CreatedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (row.TaskId is { } task)
                parameters["taskId"] = task.ToString();
            return ("activity", parameters);
        }

        var board = boardId.ToString();
        return row switch
        {
            { EventType: ActivityQueries.CommentType, TaskId: { } taskId } =>
                ("board", new() { ["boardId"] = board, ["taskId"] = taskId.ToString(), ["commentId"] = row.Id.ToString() }),
            _ when row.EventType.StartsWith("approval.", StringComparison.Ordinal) => ("board.approvals", new() { ["boardId"] = board }),
            _ when row.EventType.StartsWith("board.", StringComparison.Ordinal) => ("board", new() { ["boardId"] = board, ["panel"] = "chat" }),
            { TaskId: { } taskId } => ("board", new() { ["boardId"] = board, ["taskId"] = taskId.ToString() }),
            _ => ("board", new() { ["boardId"] = board }),
        };
    }
}

/// <summary>The activity part of a <c>task</c> stream frame.</summary>
public sealed record TaskStreamActivity(Guid Id, string EventType, string? Message, Guid? AgentId, Guid? TaskId, DateTimeOffset CreatedAt)
{
    public static TaskStreamActivity From(ActivityRow row) => new(row.Id, row.EventType, row.Message, row.AgentId, row.TaskId, row.CreatedAt);
}

/// <summary>A <c>task</c> frame about a change: the task as it is now (null once deleted).</summary>
public sealed record TaskChangeFrame(string Type, TaskStreamActivity Activity, TaskRead? Task);

/// <summary>A <c>task</c> frame about a comment.</summary>
public sealed record TaskCommentFrame(string Type, TaskStreamActivity Activity, TaskCommentRead Comment);

/// <summary>A <c>memory</c> frame.</summary>
public sealed record MemoryFrame(BoardMemoryRead Memory);
