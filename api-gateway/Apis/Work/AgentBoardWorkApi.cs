using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.ApiGateway.OpenApi;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks;
using MissionControl.ReadModels.Queries;
using MissionControl.ReadModels.Work;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>
/// Tasks, comments and memory as agents reach them (<c>/api/v1/agent/boards/{boardId}/…</c>):
/// board agents on their own board only (403 elsewhere), gateway-main agents on the boards of
/// their organization. Leads create and delete tasks; leads and workers read, update and comment.
/// </summary>
public static class AgentBoardWorkApi
{
    public static IEndpointRouteBuilder MapAgentBoardWorkApi(this IEndpointRouteBuilder app)
    {
        var board = app.MapGroup("/api/v1/agent/boards/{boardId}").RequireAgent().WithTags("agent");
        board.MapGet("/tasks", ListTasks).WithName("AgentListTasks").WithAgentRoles(AgentRole.Lead, AgentRole.Worker);
        board.MapPost("/tasks", CreateTask).WithName("AgentCreateTask").WithAgentRoles(AgentRole.Lead);
        board.MapPatch("/tasks/{taskId}", UpdateTask).WithName("AgentUpdateTask").WithAgentRoles(AgentRole.Lead, AgentRole.Worker)
            .Accepts<JsonElement>("application/json");
        board.MapDelete("/tasks/{taskId}", DeleteTask).WithName("AgentDeleteTask").WithAgentRoles(AgentRole.Lead);
        board.MapGet("/tasks/{taskId}/comments", ListComments).WithName("AgentListTaskComments").WithAgentRoles(AgentRole.Lead, AgentRole.Worker);
        board.MapPost("/tasks/{taskId}/comments", CreateComment).WithName("AgentCreateTaskComment").WithAgentRoles(AgentRole.Lead, AgentRole.Worker);
        board.MapGet("/memory", ListMemory).WithName("AgentListBoardMemory").WithAgentRoles(AgentRole.Lead, AgentRole.Worker);
        board.MapPost("/memory", CreateMemory).WithName("AgentCreateBoardMemory").WithAgentRoles(AgentRole.Lead, AgentRole.Worker);
        return app;
    }

    public static async Task<Ok<Page<TaskRead>>> ListTasks(
        Guid boardId, AgentCaller agent, PageRequest page, BoardGuard guard, BoardWork work, CancellationToken ct,
        [FromQuery] string? status = null,
        [FromQuery(Name = "assigned_agent_id")] Guid? assignedAgentId = null,
        [FromQuery] bool? unassigned = null)
    {
        var board = await guard.ForAgentAsync(agent, boardId, ct);
        return TypedResults.Ok(await work.ListAsync(board, status, assignedAgentId, unassigned, page, ct));
    }

    /// <summary>A lead hands out work: the task is marked auto-created by it, and may not go to the lead itself.</summary>
    public static async Task<Ok<TaskRead>> CreateTask(
        Guid boardId, TaskCreate body, AgentCaller agent, BoardGuard guard, BoardWork work, TaskWork tasks, CancellationToken ct)
    {
        var board = await guard.ForAgentAsync(agent, boardId, ct);
        RequireLead(agent);
        var created = await tasks.CreateAsync(board, await work.AgentActorAsync(agent, ct), body.ToNewTask(board.Id, null), body.AssignedAgentId, ct);
        return TypedResults.Ok(await work.ReadAsync(created.Id, ct));
    }

    public static async Task<Ok<TaskRead>> UpdateTask(
        Guid boardId, Guid taskId, [FromBody] JsonElement body, AgentCaller agent, BoardGuard guard, BoardWork work, TaskWork tasks,
        IValidator<TaskEdit> rules, CancellationToken ct)
    {
        var patch = TaskPatch.Parse(body, rules);
        var board = await guard.ForAgentAsync(agent, boardId, ct);
        var task = await work.TaskOnBoardAsync(board, taskId, ct);
        return TypedResults.Ok(await TasksApi.ApplyAsync(board, task, patch, await work.AgentActorAsync(agent, ct), work, tasks, ct));
    }

    public static async Task<Ok<OkResponse>> DeleteTask(
        Guid boardId, Guid taskId, AgentCaller agent, BoardGuard guard, BoardWork work, TaskWork tasks, CancellationToken ct)
    {
        var board = await guard.ForAgentAsync(agent, boardId, ct);
        RequireLead(agent);
        await tasks.DeleteAsync(await work.TaskOnBoardAsync(board, taskId, ct), await work.AgentActorAsync(agent, ct));
        return TypedResults.Ok(new OkResponse(true));
    }

    public static Task<Ok<Page<TaskCommentRead>>> ListComments(
        Guid boardId, Guid taskId, AgentCaller agent, PageRequest page, BoardGuard guard, BoardWork work, ActivityQueries activity,
        CancellationToken ct) =>
        TasksApi.ListComments(boardId, taskId, new Caller.Agent(agent), page, guard, work, activity, ct);

    public static Task<Ok<TaskCommentRead>> CreateComment(
        Guid boardId, Guid taskId, TaskCommentCreate body, AgentCaller agent, BoardGuard guard, BoardWork work, TaskWork tasks,
        CancellationToken ct) =>
        TasksApi.CreateComment(boardId, taskId, body, new Caller.Agent(agent), guard, work, tasks, ct);

    public static Task<Ok<Page<BoardMemoryRead>>> ListMemory(
        Guid boardId, AgentCaller agent, PageRequest page, BoardGuard guard, BoardMemoryQueries memory, CancellationToken ct,
        [FromQuery(Name = "is_chat")] bool? isChat = null) =>
        BoardMemoryApi.List(boardId, new Caller.Agent(agent), page, guard, memory, ct, isChat);

    public static Task<Ok<BoardMemoryRead>> CreateMemory(
        Guid boardId, BoardMemoryCreate body, AgentCaller agent, BoardGuard guard, BoardWork work, BoardChat chat, CancellationToken ct) =>
        BoardMemoryApi.Create(boardId, body, new Caller.Agent(agent), guard, work, chat, ct);

    private static void RequireLead(AgentCaller agent)
    {
        if (!agent.IsBoardLead)
            throw DomainError.Forbidden(TaskDecider.LeadOnlyDetail);
    }
}
