using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>Where each named change-feed consumer has got to, so it resumes after a restart.</summary>
public sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    public async Task<long> ReadAsync(string consumer, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select position from feed_checkpoints where consumer = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = consumer });
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    public async Task WriteAsync(string consumer, long position, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            insert into feed_checkpoints (consumer, position) values ($1, $2)
            on conflict (consumer) do update set position = excluded.position, updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = consumer });
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        await command.ExecuteNonQueryAsync(ct);
    }
}
