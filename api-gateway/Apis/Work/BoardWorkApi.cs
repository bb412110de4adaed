using MissionControl.ApiGateway.Apis.Boards;
namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>Every route about the work on boards: tasks, comments, memory and chat, activity, snapshots, and their agent-facing forms.</summary>
public static class BoardWorkApi
{
    public static IEndpointRouteBuilder MapBoardWorkApi(this IEndpointRouteBuilder app) => app
        .MapTasksApi()
        .MapBoardMemoryApi()
        .MapActivityApi()
        .MapBoardSnapshotApi()
        .MapAgentBoardWorkApi();
}
