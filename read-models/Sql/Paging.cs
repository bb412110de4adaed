using MissionControl.ReadModels.Queries;
using Npgsql;

namespace MissionControl.ReadModels.Sql;

/// <summary>Counts and pages one filtered table in a single round trip.</summary>
internal static class Paging
{
    /// <summary>The rows of <paramref name="table"/> that pass <paramref name="filter"/>, counted, ordered and cut to one page.</summary>
    public static async Task<Page<T>> PageAsync<T>(
        this NpgsqlDataSource dataSource, string columns, string table, Filter filter, string orderBy,
        int limit, int offset, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, PageLimits.MaxLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var next = filter.Values.Count;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"select count(*) from {table} {filter.WhereClause}", filter.Values));
        batch.BatchCommands.Add(Command(
            $"select {columns} from {table} {filter.WhereClause} order by {orderBy} limit ${next + 1} offset ${next + 2}",
            [.. filter.Values, limit, offset]));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var items = await SqlCommands.ReadAllAsync(reader, map, ct);
        return new Page<T>(items, total, limit, offset);
    }

    private static NpgsqlBatchCommand Command(string sql, IEnumerable<object?> values)
    {
        var command = new NpgsqlBatchCommand(sql);
        SqlParameters.Bind(command.Parameters, values);
        return command;
    }
}
