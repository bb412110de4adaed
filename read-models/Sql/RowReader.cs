using System.Text.Json;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Sql;

/// <summary>Typed column access by name, with nulls as C# nulls.</summary>
internal static class RowReader
{
    public static Guid Guid(this NpgsqlDataReader row, string column) => row.GetGuid(row.GetOrdinal(column));

    public static Guid? GuidOrNull(this NpgsqlDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetGuid(row.GetOrdinal(column));

    public static string Text(this NpgsqlDataReader row, string column) => row.GetString(row.GetOrdinal(column));

    public static string? TextOrNull(this NpgsqlDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetString(row.GetOrdinal(column));

    public static bool Flag(this NpgsqlDataReader row, string column) => row.GetBoolean(row.GetOrdinal(column));

    public static int Int(this NpgsqlDataReader row, string column) => row.GetInt32(row.GetOrdinal(column));

    public static DateTimeOffset Time(this NpgsqlDataReader row, string column) =>
        row.GetFieldValue<DateTimeOffset>(row.GetOrdinal(column));

    public static DateTimeOffset? TimeOrNull(this NpgsqlDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetFieldValue<DateTimeOffset>(row.GetOrdinal(column));

    /// <summary>A jsonb column read back into the shape the event carried.</summary>
    public static T? Json<T>(this NpgsqlDataReader row, string column) =>
        row.IsDBNull(row.GetOrdinal(column))
            ? default
            : JsonSerializer.Deserialize<T>(row.GetString(row.GetOrdinal(column)), EventTypeRegistry.JsonOptions);
}
