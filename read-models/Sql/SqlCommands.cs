using Npgsql;

namespace MissionControl.ReadModels.Sql;

/// <summary>
/// One statement per command: Npgsql cannot bind positional parameters across several
/// statements in one command text.
/// </summary>
internal static class SqlCommands
{
    /// <summary>Runs one statement on the projection's connection (inside the append's transaction).</summary>
    public static async Task<int> ExecuteAsync(
        this NpgsqlConnection connection, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        SqlParameters.Bind(command.Parameters, values);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs one statement on a connection of its own from the pool.</summary>
    public static async Task<int> ExecuteAsync(
        this NpgsqlDataSource dataSource, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        SqlParameters.Bind(command.Parameters, values);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs one statement and returns its first column of the first row, or null.</summary>
    public static async Task<T?> ScalarAsync<T>(
        this NpgsqlConnection connection, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        SqlParameters.Bind(command.Parameters, values);
        var result = await command.ExecuteScalarAsync(ct);
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>Reads every row of one query into a list.</summary>
    public static async Task<IReadOnlyList<T>> ListAsync<T>(
        this NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken ct, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        SqlParameters.Bind(command.Parameters, values);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadAllAsync(reader, map, ct);
    }

    /// <summary>The single row of one query, or null when there is none.</summary>
    public static async Task<T?> SingleOrDefaultAsync<T>(
        this NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> map,
        CancellationToken ct, params object?[] values) where T : class =>
        (await dataSource.ListAsync(sql, map, ct, values)).SingleOrDefault();

    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(map(reader));
        return rows;
    }
}
