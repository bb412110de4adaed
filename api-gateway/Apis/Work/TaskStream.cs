using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Http;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>
/// <c>GET /api/v1/boards/{boardId}/tasks/stream</c>: a <c>task</c> event for every task activity
/// on the board since the cursor — the task as it is now with the activity that announced it,
/// or the comment for comment activity.
/// </summary>
public static class TaskStream
{
    public static async Task Run(
        Guid boardId, HttpContext context, Caller caller, BoardGuard guard, EventStream stream, ActivityQueries activity,
        TaskQueries tasks, TaskDependencyQueries dependencies)
    {
        var board = await guard.ForCallerAsync(caller, boardId, write: false, context.RequestAborted);
        await stream.RunAsync(context, async (since, ct) =>
        {
            var rows = await activity.TaskEventsSinceAsync(board.Id, since, ct);
            var frames = new List<StreamEvent>(rows.Count);
            foreach (var row in rows)
                frames.Add(new StreamEvent("task", await FrameAsync(row, tasks, dependencies, ct), row.Id, row.CreatedAt));
            return frames;
        });
    }

    private static async Task<object> FrameAsync(ActivityRow row, TaskQueries tasks, TaskDependencyQueries dependencies, CancellationToken ct)
    {
        var activity = TaskStreamActivity.From(row);
        if (row.EventType == ActivityQueries.CommentType)
            return new TaskCommentFrame(row.EventType, activity, TaskCommentRead.From(row));
        var task = row.TaskId is { } taskId ? await tasks.GetAsync(taskId, ct) : null;
        var read = task is null ? null : TaskRead.From(task, await dependencies.OfTaskAsync(task.Id, ct));
        return new TaskChangeFrame(row.EventType, activity, read);
    }
}
