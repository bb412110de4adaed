using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.ReadModels.Queries;
using MissionControl.ReadModels.Work;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>
/// A board's memory and chat (<c>/api/v1/boards/{boardId}/memory</c>) for users and agents.
/// Entries tagged <c>chat</c> are chat messages, fanned out to the board's agents after the
/// post is stored.
/// </summary>
public static class BoardMemoryApi
{
    public static IEndpointRouteBuilder MapBoardMemoryApi(this IEndpointRouteBuilder app)
    {
        var memory = app.MapGroup("/api/v1/boards/{boardId}/memory").RequireUserOrAgent().WithTags("board-memory");
        memory.MapGet("", List).WithName("ListBoardMemory");
        memory.MapGet("/stream", Stream).WithName("StreamBoardMemory");
        memory.MapPost("", Create).WithName("CreateBoardMemory");
        return app;
    }

    public static async Task<Ok<Page<BoardMemoryRead>>> List(
        Guid boardId, Caller caller, PageRequest page, BoardGuard guard, BoardMemoryQueries memory, CancellationToken ct,
        [FromQuery(Name = "is_chat")] bool? isChat = null)
    {
        var board = await guard.ForCallerAsync(caller, boardId, write: false, ct);
        return TypedResults.Ok(await PageAsync(memory, board, isChat, page, ct));
    }

    public static async Task Stream(
        Guid boardId, HttpContext context, Caller caller, BoardGuard guard, EventStream stream, BoardMemoryQueries memory,
        [FromQuery(Name = "is_chat")] bool? isChat = null)
    {
        var board = await guard.ForCallerAsync(caller, boardId, write: false, context.RequestAborted);
        await stream.RunAsync(context, async (since, ct) =>
            [.. (await memory.SinceAsync(board.Id, since, isChat, ct))
                .Select(row => new StreamEvent("memory", new MemoryFrame(BoardMemoryRead.From(row)), row.Id, row.CreatedAt))]);
    }

    public static async Task<Ok<BoardMemoryRead>> Create(
        Guid boardId, BoardMemoryCreate body, Caller caller, BoardGuard guard, BoardWork work, BoardChat chat, CancellationToken ct)
    {
        var board = await guard.ForCallerAsync(caller, boardId, write: true, ct);
        return TypedResults.Ok(await PostAsync(chat, board, await work.ActorAsync(caller, ct), body));
    }

    internal static async Task<Page<BoardMemoryRead>> PageAsync(
        BoardMemoryQueries memory, BoardRow board, bool? isChat, PageRequest page, CancellationToken ct)
    {
        var rows = await memory.ListAsync(board.Id, isChat, page.Limit, page.Offset, ct);
        return page.ToPage(rows.Items.Select(BoardMemoryRead.From).ToList(), rows.Total);
    }

    internal static async Task<BoardMemoryRead> PostAsync(BoardChat chat, BoardRow board, WorkActor actor, BoardMemoryCreate body) =>
        BoardMemoryRead.From(await chat.PostAsync(board, actor, body.Content, body.Tags, body.Source));
}
