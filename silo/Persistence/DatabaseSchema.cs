using Npgsql;

namespace MissionControl.Silo.Persistence;

/// <summary>The schema Mission Control's tables live in: the first of the connection's search path.</summary>
public static class DatabaseSchema
{
    /// <summary>The first search-path entry, or null when none is set (PostgreSQL then uses <c>public</c>).</summary>
    public static string? Of(string connectionString)
    {
        var schema = new NpgsqlConnectionStringBuilder(connectionString).SearchPath?.Split(',')[0].Trim();
        return string.IsNullOrEmpty(schema) ? null : schema;
    }
}
