using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// After a batch failed, finds the appends that were stale: their stream has moved past the
/// version they expected. Versions only grow, so such an append can never succeed; every other
/// append of the batch may still.
/// </summary>
internal sealed class StaleAppends(NpgsqlDataSource dataSource)
{
    /// <summary>Per append, in batch order: the conflict that keeps it out, or null.</summary>
    public async Task<ConcurrencyException?[]> FindAsync(IReadOnlyList<PendingAppend> batch)
    {
        var versions = await CurrentVersionsAsync(batch.Select(a => a.StreamId).Distinct().ToArray());
        return batch.Select(append =>
        {
            var actual = versions.GetValueOrDefault(append.StreamId);
            return actual == append.ExpectedVersion ? null : new ConcurrencyException(append.StreamId, append.ExpectedVersion, actual);
        }).ToArray();
    }

    private async Task<Dictionary<string, long>> CurrentVersionsAsync(string[] streamIds)
    {
        // Marten's streams table, in the schema of the connection's search path.
        await using var command = dataSource.CreateCommand("select id, version from mt_streams where id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = streamIds });
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
            versions[reader.GetString(0)] = reader.GetInt64(1);
        return versions;
    }
}
