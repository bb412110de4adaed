using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.Infrastructure;

/// <summary>
/// Session-level PostgreSQL advisory locks, each on a connection of its own: released on
/// dispose, or by PostgreSQL when the holding process dies and its connection drops.
/// </summary>
public sealed class PostgresDistributedLock(NpgsqlDataSource dataSource) : IDistributedLock
{
    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken ct = default)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_lock(hashtextextended($1, 0))", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            await command.ExecuteNonQueryAsync(ct);
            return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = key });
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing also releases the lock should the unlock itself have failed.
                await connection.DisposeAsync();
            }
        }
    }
}
