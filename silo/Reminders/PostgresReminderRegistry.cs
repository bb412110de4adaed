using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.Reminders;

/// <summary>Stores reminders in the <c>reminders</c> table; see <see cref="ReminderService"/> for firing.</summary>
public sealed class PostgresReminderRegistry(NpgsqlDataSource dataSource, TimeProvider clock) : IReminderRegistry
{
    public async Task RegisterOrUpdateAsync(GrainId grain, string name, TimeSpan dueTime, TimeSpan? period, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period is { } p && p <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(period), "A reminder period must be positive.");
        await using var command = dataSource.CreateCommand("""
            insert into reminders (grain_type, grain_key, name, due_at, period_ms)
            values ($1, $2, $3, $4, $5)
            on conflict (grain_type, grain_key, name) do update
              set due_at = excluded.due_at, period_ms = excluded.period_ms,
                  generation = reminders.generation + 1, attempts = 0,
                  lease_owner = null, lease_until = null
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = grain.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grain.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() + dueTime });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)(long?)period?.TotalMilliseconds ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task UnregisterAsync(GrainId grain, string name, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            "delete from reminders where grain_type = $1 and grain_key = $2 and name = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = grain.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grain.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await command.ExecuteNonQueryAsync(ct);
    }
}
