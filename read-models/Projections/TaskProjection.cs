using MissionControl.Grains.Tasks.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.ReadModels.Projections;

/// <summary>Keeps <c>tasks</c> in step with task streams, mirroring the task evolver.</summary>
public sealed class TaskProjection : IInlineProjection
{
    private const string Table = "tasks";

    public bool Handles(Type eventType) => typeof(TaskEvent).IsAssignableFrom(eventType);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        TaskCreated e => CreateAsync(connection, recorded, e, ct),
        TaskMoved e => Update(connection, recorded, e,
            "status = $4, assigned_agent_id = $5, in_progress_at = $6, previous_in_progress_at = $7", ct,
            e.Status, e.AssignedAgentId, e.InProgressAt, e.PreviousInProgressAt),
        // An in-progress task whose assignee was deleted goes back to the inbox.
        TaskReleasedFromAgent { ReturnedToInbox: true } e => Update(connection, recorded, e,
            "status = $4, assigned_agent_id = null, in_progress_at = null", ct, TaskStatus.Inbox),
        TaskReleasedFromAgent e => Update(connection, recorded, e, "assigned_agent_id = null", ct),
        TaskDetailsEdited e => Update(connection, recorded, e,
            "title = $4, description = $5, priority = $6, due_at = $7", ct, e.Title, e.Description, e.Priority, e.DueAt),
        TaskDependenciesChanged e => TaskDependencyRows.ReplaceAsync(connection, recorded, e, ct),
        TaskDeleted e => TaskDependencyRows.DeleteTaskAsync(connection, recorded, e, ct),
        TaskCommented => VersionedRow.AdvanceAsync(connection, Table, recorded, ct),
        TaskEvent e => Update(connection, recorded, e, "", ct),
        _ => Task.CompletedTask,
    };

    private static Task CreateAsync(NpgsqlConnection connection, RecordedEvent recorded, TaskCreated e, CancellationToken ct) =>
        connection.ExecuteAsync("""
            insert into tasks (
                id, stream_id, board_id, title, description, status, priority, assigned_agent_id,
                in_progress_at, created_by_user_id, version, created_at, updated_at, due_at, auto_reason)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14)
            on conflict do nothing
            """, ct,
            e.TaskId, recorded.StreamId, e.BoardId, e.Title, e.Description, e.Status, e.Priority, e.AssignedAgentId,
            e.Status == TaskStatus.InProgress ? e.At : null, e.CreatedByUserId, recorded.StreamVersion, e.At, e.DueAt, e.AutoReason);

    private static Task<int> Update(
        NpgsqlConnection connection, RecordedEvent recorded, TaskEvent e, string assignments,
        CancellationToken ct, params object?[] values) =>
        VersionedRow.UpdateAsync(connection, Table, recorded, e.At, assignments, ct, values);
}
