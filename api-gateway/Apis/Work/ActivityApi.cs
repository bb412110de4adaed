using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.Grains.Access;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>
/// The activity feed (<c>/api/v1/activity</c>), newest first: a user sees what happened on the
/// boards they may read in their organization, an agent only its own events.
/// </summary>
public static class ActivityApi
{
    public static IEndpointRouteBuilder MapActivityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/activity", List).RequireUserOrAgent().WithTags("activity").WithName("ListActivity");
        return app;
    }

    public static async Task<Ok<Page<ActivityEventRead>>> List(
        Caller caller, PageRequest page, ActivityQueries activity, BoardQueries boards, CancellationToken ct)
    {
        var rows = caller switch
        {
            Caller.Agent agent => await activity.OfAgentAsync(agent.Self.AgentId, page.Limit, page.Offset, ct),
            Caller.User user => await activity.OfBoardsAsync(await ReadableBoardsAsync(user.Session, boards, ct), page.Limit, page.Offset, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
        return TypedResults.Ok(page.ToPage(rows.Items.Select(ActivityEventRead.From).ToList(), rows.Total));
    }

    private static async Task<IReadOnlyList<Guid>> ReadableBoardsAsync(UserSession session, BoardQueries boards, CancellationToken ct)
    {
        var member = session.RequireMember();
        var all = await PageLimits.ReadAllAsync((offset, token) => boards.ListAsync(member.OrganizationId, null, PageLimits.MaxLimit, offset, token), ct);
        return [.. all.Where(board => BoardAccess.CanRead(member, board.OrganizationId, board.Id)).Select(board => board.Id)];
    }
}
