using MissionControl.Grains.Boards;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>A task's dependencies and those of them not done yet (which make it blocked, unless it is done).</summary>
public sealed record TaskDependencies(IReadOnlyList<Guid> DependsOn, IReadOnlyList<Guid> BlockedBy)
{
    public static readonly TaskDependencies None = new([], []);

    public bool IsBlocked => BlockedBy.Count > 0;
}

/// <summary>Reads of <c>task_dependencies</c> joined with the tasks they name.</summary>
public sealed class TaskDependencyQueries(NpgsqlDataSource dataSource) : IBoardTaskGraphs
{
    /// <summary>Every live task of a board with its status and dependencies, for dependency checks.</summary>
    public async Task<BoardTaskGraph> GraphAsync(Guid boardId, CancellationToken ct = default)
    {
        var rows = await dataSource.ListAsync("""
            select t.id, t.status,
                   coalesce(array_agg(d.depends_on_task_id order by d.position) filter (where d.depends_on_task_id is not null), '{}') as depends_on
            from tasks t
            left join task_dependencies d on d.task_id = t.id
            where t.board_id = $1 and not t.deleted
            group by t.id, t.status
            """, row => (Id: row.Guid("id"), Node: new TaskNode(row.Text("status"), row.GetFieldValue<Guid[]>(row.GetOrdinal("depends_on")))), ct, boardId);
        return new BoardTaskGraph(rows.ToDictionary(r => r.Id, r => r.Node));
    }

    /// <summary>The dependencies of each task in <paramref name="taskIds"/>; a done task is never blocked.</summary>
    public async Task<IReadOnlyDictionary<Guid, TaskDependencies>> OfTasksAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct = default)
    {
        if (taskIds.Count == 0)
            return new Dictionary<Guid, TaskDependencies>();
        var rows = await dataSource.ListAsync("""
            select d.task_id, d.depends_on_task_id, (dep.status <> 'done' and t.status <> 'done') as blocking
            from task_dependencies d
            join tasks t on t.id = d.task_id
            join tasks dep on dep.id = d.depends_on_task_id and not dep.deleted
            where d.task_id = any($1)
            order by d.task_id, d.position
            """, row => (Task: row.Guid("task_id"), DependsOn: row.Guid("depends_on_task_id"), Blocking: row.Flag("blocking")), ct, taskIds.ToArray());
        return rows.GroupBy(r => r.Task).ToDictionary(
            g => g.Key,
            g => new TaskDependencies([.. g.Select(r => r.DependsOn)], [.. g.Where(r => r.Blocking).Select(r => r.DependsOn)]));
    }

    public async Task<TaskDependencies> OfTaskAsync(Guid taskId, CancellationToken ct = default) =>
        (await OfTasksAsync([taskId], ct)).GetValueOrDefault(taskId) ?? TaskDependencies.None;

    /// <summary>The live tasks that depend on <paramref name="taskId"/>.</summary>
    public Task<IReadOnlyList<Guid>> DependentsOfAsync(Guid taskId, CancellationToken ct = default) =>
        dataSource.ListAsync("""
            select d.task_id from task_dependencies d join tasks t on t.id = d.task_id and not t.deleted
            where d.depends_on_task_id = $1 order by d.task_id
            """, row => row.Guid("task_id"), ct, taskId);
}
