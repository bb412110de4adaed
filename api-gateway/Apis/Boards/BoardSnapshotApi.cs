using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Agents;
using MissionControl.ApiGateway.Apis.Work;
using MissionControl.ApiGateway.Authentication;
using MissionControl.Grains.Agents;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Boards;

/// <summary><c>GET /api/v1/boards/{boardId}/snapshot</c>: the board, its tasks and agents, and the latest chat, in one read.</summary>
public static class BoardSnapshotApi
{
    public const int ChatMessages = 200;

    public static IEndpointRouteBuilder MapBoardSnapshotApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/boards/{boardId}/snapshot", Get).RequireUserOrAgent().WithTags("boards").WithName("GetBoardSnapshot");
        return app;
    }

    public static async Task<Ok<BoardSnapshot>> Get(
        Guid boardId, Caller caller, BoardGuard guard, BoardWork work, TaskQueries tasks, AgentQueries agents,
        BoardMemoryQueries memory, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var board = await guard.ForCallerAsync(caller, boardId, write: false, ct);
        var boardAgents = (await agents.ListAsync(new AgentListFilter(BoardId: board.Id), PageLimits.MaxLimit, 0, ct)).Items;
        var names = boardAgents.ToDictionary(agent => agent.Id, agent => agent.Name);
        var taskReads = await work.ReadAllAsync(await tasks.OfBoardAsync(board.Id, ct), ct);
        var chat = await memory.LatestChatAsync(board.Id, ChatMessages, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new BoardSnapshot(
            BoardRead.From(board),
            [.. taskReads.Select(task => new SnapshotTask(task, task.AssignedAgentId is { } id ? names.GetValueOrDefault(id) : null))],
            [.. boardAgents.Select(agent => AgentRead.From(agent, now, options.OfflineAfter))],
            [],
            [.. chat.Select(BoardMemoryRead.From)],
            0));
    }
}
