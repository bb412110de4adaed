using MissionControl.Grains.Tasks.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// The <c>task_dependencies</c> rows a task's stream implies, and what a deletion takes away.
/// Dependencies on tasks deleted meanwhile are left out, so replaying the streams in order
/// gives the same rows.
/// </summary>
internal static class TaskDependencyRows
{
    private const string Table = "tasks";

    public static async Task ReplaceAsync(NpgsqlConnection connection, RecordedEvent recorded, TaskDependenciesChanged e, CancellationToken ct)
    {
        // Only an event the task's row accepted may rewrite its dependencies.
        if (await VersionedRow.ClaimAsync(connection, Table, recorded, e.At, "", ct) is not { } taskId)
            return;
        await connection.ExecuteAsync("delete from task_dependencies where task_id = $1", ct, taskId);
        await connection.ExecuteAsync("""
            insert into task_dependencies (task_id, depends_on_task_id, board_id, position, created_at)
            select t.id, d.id, t.board_id, d.position, $3
            from tasks t
            cross join unnest($2::uuid[]) with ordinality as d(id, position)
            where t.id = $1
              and exists (select 1 from tasks dep where dep.id = d.id and not dep.deleted)
            on conflict do nothing
            """, ct, taskId, e.DependsOnTaskIds.ToArray(), e.At);
    }

    public static async Task DeleteTaskAsync(NpgsqlConnection connection, RecordedEvent recorded, TaskDeleted e, CancellationToken ct)
    {
        if (await VersionedRow.ClaimAsync(connection, Table, recorded, e.At, "deleted = true", ct) is not { } taskId)
            return;
        await connection.ExecuteAsync("delete from task_dependencies where task_id = $1 or depends_on_task_id = $1", ct, taskId);
        await connection.ExecuteAsync("delete from activity_events where task_id = $1", ct, taskId);
    }
}
