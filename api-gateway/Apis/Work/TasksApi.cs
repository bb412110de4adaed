using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.ReadModels.Queries;
using MissionControl.ReadModels.Work;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>
/// Tasks of a board (<c>/api/v1/boards/{boardId}/tasks</c>) for users and agents: reading needs
/// read access, changing needs write access (agents: their own board); only users create and
/// delete here (leads do it through the agent routes). The rules of who may change what live in
/// the task grain.
/// </summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/v1/boards/{boardId}/tasks").WithTags("tasks");
        tasks.MapGet("", List).RequireUserOrAgent().WithName("ListTasks");
        tasks.MapGet("/stream", TaskStream.Run).RequireUserOrAgent().WithName("StreamTasks");
        tasks.MapPost("", Create).RequireUser().WithName("CreateTask");
        tasks.MapPatch("/{taskId}", Update).RequireUserOrAgent().WithName("UpdateTask").Accepts<JsonElement>("application/json");
        tasks.MapDelete("/{taskId}", Delete).RequireUser().WithName("DeleteTask");
        tasks.MapGet("/{taskId}/comments", ListComments).RequireUserOrAgent().WithName("ListTaskComments");
        tasks.MapPost("/{taskId}/comments", CreateComment).RequireUserOrAgent().WithName("CreateTaskComment");
        return app;
    }

    public static async Task<Ok<Page<TaskRead>>> List(
        Guid boardId, Caller caller, PageRequest page, BoardGuard guard, BoardWork work, CancellationToken ct,
        [FromQuery] string? status = null,
        [FromQuery(Name = "assigned_agent_id")] Guid? assignedAgentId = null,
        [FromQuery] bool? unassigned = null)
    {
        var board = await guard.ForCallerAsync(caller, boardId, write: false, ct);
        return TypedResults.Ok(await work.ListAsync(board, status, assignedAgentId, unassigned, page, ct));
    }

    public static async Task<Ok<TaskRead>> Create(
        Guid boardId, TaskCreate body, UserSession session, BoardGuard guard, BoardWork work, TaskWork tasks, CancellationToken ct)
    {
        var board = await guard.ForUserAsync(session, boardId, write: true, ct);
        var created = await tasks.CreateAsync(board, BoardWork.UserActor(session), body.ToNewTask(board.Id, session.UserId), body.AssignedAgentId, ct);
        return TypedResults.Ok(await work.ReadAsync(created.Id, ct));
    }

    public static async Task<Ok<TaskRead>> Update(
        Guid boardId, Guid taskId, [FromBody] JsonElement body, Caller caller, BoardGuard guard, BoardWork work, TaskWork tasks,
        IValidator<TaskEdit> rules, CancellationToken ct)
    {
        var patch = TaskPatch.Parse(body, rules);
        var board = await guard.ForCallerAsync(caller, boardId, write: true, ct);
        var task = await work.TaskOnBoardAsync(board, taskId, ct);
        return TypedResults.Ok(await ApplyAsync(board, task, patch, await work.ActorAsync(caller, ct), work, tasks, ct));
    }

    public static async Task<Ok<OkResponse>> Delete(
        Guid boardId, Guid taskId, UserSession session, BoardGuard guard, BoardWork work, TaskWork tasks, CancellationToken ct)
    {
        var board = await guard.ForUserAsync(session, boardId, write: true, ct);
        await tasks.DeleteAsync(await work.TaskOnBoardAsync(board, taskId, ct), BoardWork.UserActor(session));
        return TypedResults.Ok(new OkResponse(true));
    }

    public static async Task<Ok<Page<TaskCommentRead>>> ListComments(
        Guid boardId, Guid taskId, Caller caller, PageRequest page, BoardGuard guard, BoardWork work, ActivityQueries activity,
        CancellationToken ct)
    {
        var board = await guard.ForCallerAsync(caller, boardId, write: false, ct);
        var task = await work.TaskOnBoardAsync(board, taskId, ct);
        var rows = await activity.CommentsAsync(task.Id, page.Limit, page.Offset, ct);
        return TypedResults.Ok(page.ToPage(rows.Items.Select(TaskCommentRead.From).ToList(), rows.Total));
    }

    public static async Task<Ok<TaskCommentRead>> CreateComment(
        Guid boardId, Guid taskId, TaskCommentCreate body, Caller caller, BoardGuard guard, BoardWork work, TaskWork tasks,
        CancellationToken ct)
    {
        var board = await guard.ForCallerAsync(caller, boardId, write: true, ct);
        var task = await work.TaskOnBoardAsync(board, taskId, ct);
        var comment = await tasks.CommentAsync(task, await work.ActorAsync(caller, ct), body.Message);
        return TypedResults.Ok(TaskCommentRead.From(comment));
    }

    /// <summary>A parsed PATCH applied by <paramref name="actor"/>.</summary>
    internal static async Task<TaskRead> ApplyAsync(
        BoardRow board, TaskRow task, TaskPatch patch, WorkActor actor, BoardWork work, TaskWork tasks, CancellationToken ct)
    {
        await tasks.ChangeAsync(board, task, actor, patch.Edit, patch.AssigneeId, ct);
        return await work.ReadAsync(task.Id, ct);
    }
}
