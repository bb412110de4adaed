using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Writes to the row of an event's stream only when the row reflects an older stream version,
/// then records the event's version: applying the same or an older event again is a no-op.
/// </summary>
internal static class VersionedRow
{
    /// <summary>
    /// Applies <paramref name="assignments"/> (may be empty: the event only moves the row's
    /// version and <c>updated_at</c>). Its own parameters start at <c>$4</c>.
    /// </summary>
    public static Task<int> UpdateAsync(
        NpgsqlConnection connection, string table, RecordedEvent recorded, DateTimeOffset at,
        string assignments, CancellationToken ct, params object?[] values) =>
        connection.ExecuteAsync(UpdateSql(table, assignments), ct, [recorded.StreamVersion, at, recorded.StreamId, .. values]);

    /// <summary>
    /// Like <see cref="UpdateAsync"/>, and returns the row's id when the event was newer, so
    /// child rows are written only for events the parent accepted.
    /// </summary>
    public static Task<Guid?> ClaimAsync(
        NpgsqlConnection connection, string table, RecordedEvent recorded, DateTimeOffset at,
        string assignments, CancellationToken ct, params object?[] values) =>
        connection.ScalarAsync<Guid?>(UpdateSql(table, assignments) + " returning id", ct, [recorded.StreamVersion, at, recorded.StreamId, .. values]);

    /// <summary>
    /// Records the event's version only, leaving <c>updated_at</c> alone: for events said about
    /// an entity that do not change it (a comment on a task, a chat message on a board).
    /// </summary>
    public static Task<int> AdvanceAsync(NpgsqlConnection connection, string table, RecordedEvent recorded, CancellationToken ct) =>
        connection.ExecuteAsync(
            $"update {table} set version = $1 where stream_id = $2 and version < $1", ct, recorded.StreamVersion, recorded.StreamId);

    // Table names and assignments are constants of the projections, never input.
    private static string UpdateSql(string table, string assignments)
    {
        var set = assignments.Length == 0 ? "" : assignments + ", ";
        return $"update {table} set {set}version = $1, updated_at = $2 where stream_id = $3 and version < $1";
    }
}
