using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Agents;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Organizations;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Boards;

/// <summary>
/// Boards (<c>/api/v1/boards</c>): members see the boards they may read; owners and admins create
/// boards; changing or deleting one needs write access to it. Another organization's board is
/// answered as unknown (404).
/// </summary>
public static class BoardsApi
{
    public static IEndpointRouteBuilder MapBoardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/boards").RequireUser().WithTags("boards");
        api.MapGet("", List).WithName("ListBoards");
        api.MapPost("", Create).WithName("CreateBoard");
        api.MapGet("/{boardId}", Get).WithName("GetBoard");
        api.MapPatch("/{boardId}", Update).WithName("UpdateBoard").Accepts<BoardUpdate>("application/json");
        api.MapDelete("/{boardId}", Delete).WithName("DeleteBoard").AnswersBadGateway();
        return app;
    }

    /// <summary>The boards of the active organization the caller may read, by name.</summary>
    public static async Task<Ok<Page<BoardRead>>> List(
        UserSession session, PageRequest page, BoardQueries boards, CancellationToken ct,
        [FromQuery(Name = "gateway_id")] Guid? gatewayId = null)
    {
        var member = session.RequireMember();
        var rows = await boards.ListReadableAsync(member.OrganizationId, gatewayId, ReadableBoards(member), page.Limit, page.Offset, ct);
        return TypedResults.Ok(page.ToPage(rows.Items.Select(BoardRead.From).ToList(), rows.Total));
    }

    /// <summary>Creates a board on one of the organization's gateways, which must have its main agent.</summary>
    public static async Task<Ok<BoardRead>> Create(BoardCreate body, UserSession session, IGrainFactory grains)
    {
        var admin = session.RequireAdmin();
        var board = body.ToNewBoard(admin.OrganizationId);
        var created = await grains.GetGrain<IBoardGrain>(Guid.NewGuid().ToString()).Create(board);
        return TypedResults.Ok(BoardRead.From(created));
    }

    public static async Task<Ok<BoardRead>> Get(Guid boardId, UserSession session, BoardGuard guard, CancellationToken ct) =>
        TypedResults.Ok(BoardRead.From(await guard.ForUserAsync(session, boardId, write: false, ct)));

    /// <summary>Changes the given fields. The body is read as raw JSON so an explicit null can be refused.</summary>
    public static async Task<Ok<BoardRead>> Update(
        Guid boardId, [FromBody] JsonElement body, HttpContext context, UserSession session, BoardGuard guard, IGrainFactory grains,
        CancellationToken ct)
    {
        var update = BoardUpdate.Parse(body, context);
        var board = await guard.ForUserAsync(session, boardId, write: true, ct);
        var changes = update.ToChanges(board);
        var updated = await grains.GetGrain<IBoardGrain>(boardId.ToString()).Update(changes);
        return TypedResults.Ok(BoardRead.From(updated));
    }

    /// <summary>
    /// Deletes the board's agents (each cleaned off its gateway through its own grain), then the
    /// board, through the board's deletion grain, which finishes the job if its silo dies halfway.
    /// If the gateway refuses a cleanup the board stays, with the agents not yet removed, and
    /// deleting again picks up where it stopped.
    /// </summary>
    public static async Task<Ok<OkResponse>> Delete(
        Guid boardId, UserSession session, BoardGuard guard, IGrainFactory grains, CancellationToken ct)
    {
        await guard.ForUserAsync(session, boardId, write: true, ct);
        var deletion = await grains.GetGrain<ICascadeDeletionGrain>(CascadeKeys.Board(boardId)).Run(null);
        if (!deletion.Deleted)
            throw BadGatewayException.Failed(GatewayFailures.Cleanup, deletion.Error);
        return TypedResults.Ok(OkResponse.Instance);
    }

    /// <summary>Null when the member reads every board; else the boards their grants open.</summary>
    private static Guid[]? ReadableBoards(OrganizationMember member) =>
        member.AllBoardsRead || member.AllBoardsWrite
            ? null
            : [.. member.BoardAccess.Where(grant => grant.Value.CanRead || grant.Value.CanWrite).Select(grant => grant.Key)];
}
