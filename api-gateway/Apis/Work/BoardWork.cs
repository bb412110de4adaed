using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using MissionControl.ReadModels.Work;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.ApiGateway.Apis.Work;

/// <summary>
/// What the user-facing and the agent-facing task, comment and memory routes share: who the
/// actor is, finding a task on a board, and reading tasks back as <see cref="TaskRead"/>.
/// </summary>
public sealed class BoardWork(TaskQueries tasks, TaskDependencyQueries dependencies, AgentQueries agents)
{
    public const string UnsupportedStatusFilter = "Unsupported task status filter.";

    /// <summary>Minimal-API binding hook: built from the request's services, so nothing needs registering.</summary>
    public static ValueTask<BoardWork?> BindAsync(HttpContext context)
    {
        var services = context.RequestServices;
        return ValueTask.FromResult<BoardWork?>(new BoardWork(
            services.GetRequiredService<TaskQueries>(), services.GetRequiredService<TaskDependencyQueries>(), services.GetRequiredService<AgentQueries>()));
    }

    public static WorkActor UserActor(UserSession session) =>
        new WorkActor.User(session.UserId, session.User.PreferredName ?? session.User.Name ?? "User");

    /// <summary>The calling agent's row; an agent deleted since its token was checked may do nothing.</summary>
    public async Task<WorkActor> AgentActorAsync(AgentCaller agent, CancellationToken ct) =>
        new WorkActor.Agent(await agents.GetAsync(agent.AgentId, ct) ?? throw DomainError.Forbidden());

    public async Task<WorkActor> ActorAsync(Caller caller, CancellationToken ct) => caller switch
    {
        Caller.User user => UserActor(user.Session),
        Caller.Agent agent => await AgentActorAsync(agent.Self, ct),
        _ => throw DomainError.Forbidden(),
    };

    /// <summary>The task, when it lives on <paramref name="board"/>; otherwise unknown (404).</summary>
    public async Task<TaskRow> TaskOnBoardAsync(BoardRow board, Guid taskId, CancellationToken ct) =>
        await tasks.GetAsync(taskId, ct) is { } task && task.BoardId == board.Id ? task : throw DomainError.NotFound();

    public async Task<TaskRead> ReadAsync(Guid taskId, CancellationToken ct)
    {
        var task = await tasks.GetAsync(taskId, ct) ?? throw DomainError.NotFound();
        return TaskRead.From(task, await dependencies.OfTaskAsync(taskId, ct));
    }

    /// <summary>One page of a board's tasks, newest first, filtered as the query asks.</summary>
    public async Task<Page<TaskRead>> ListAsync(BoardRow board, string? status, Guid? assignedAgentId, bool? unassigned, PageRequest page, CancellationToken ct)
    {
        var filter = new TaskListFilter(ParseStatuses(status), assignedAgentId, unassigned == true);
        var rows = await tasks.ListAsync(board.Id, filter, page.Limit, page.Offset, ct);
        return page.ToPage(await ReadAllAsync(rows.Items, ct), rows.Total);
    }

    public async Task<IReadOnlyList<TaskRead>> ReadAllAsync(IReadOnlyList<TaskRow> rows, CancellationToken ct)
    {
        var byTask = await dependencies.OfTasksAsync([.. rows.Select(row => row.Id)], ct);
        return [.. rows.Select(row => TaskRead.From(row, byTask.GetValueOrDefault(row.Id) ?? TaskDependencies.None))];
    }

    /// <summary>"a,b" as statuses; an unknown one is a 422.</summary>
    private static List<string>? ParseStatuses(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return null;
        var statuses = filter.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        return statuses.All(TaskStatus.IsKnown) ? statuses : throw DomainError.Validation(UnsupportedStatusFilter);
    }
}
