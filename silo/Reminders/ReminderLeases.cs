using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.Reminders;

/// <summary>A reminder firing claimed by this silo.</summary>
internal sealed record ClaimedReminder(GrainId Grain, string Name, long Generation, DateTimeOffset DueAt, int Attempts, bool IsPeriodic);

/// <summary>
/// The SQL of claiming, renewing and settling reminder leases. Every statement after the claim
/// is guarded by (owner, generation), so a silo that lost its lease, or a firing superseded by
/// a re-registration, changes nothing.
/// </summary>
internal sealed class ReminderLeases(NpgsqlDataSource dataSource, string siloId)
{
    private const string Key = "grain_type = $1 and grain_key = $2 and name = $3 and generation = $4 and lease_owner = $5";

    public async Task<IReadOnlyList<ClaimedReminder>> ClaimDueAsync(TimeSpan lease, int batchSize, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            with due as (
                select grain_type, grain_key, name from reminders
                where due_at <= now() and (lease_until is null or lease_until < now())
                order by due_at
                limit $3
                for update skip locked)
            update reminders r
               set lease_owner = $1, lease_until = now() + $2, attempts = r.attempts + 1
              from due
             where r.grain_type = due.grain_type and r.grain_key = due.grain_key and r.name = due.name
            returning r.grain_type, r.grain_key, r.name, r.generation, r.due_at, r.attempts, r.period_ms is not null
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = siloId });
        command.Parameters.Add(new NpgsqlParameter { Value = lease });
        command.Parameters.Add(new NpgsqlParameter { Value = batchSize });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var claimed = new List<ClaimedReminder>();
        while (await reader.ReadAsync(ct))
            claimed.Add(new ClaimedReminder(
                new GrainId(reader.GetString(0), reader.GetString(1)), reader.GetString(2),
                reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5), reader.GetBoolean(6)));
        return claimed;
    }

    public Task<bool> RenewAsync(ClaimedReminder r, TimeSpan lease, CancellationToken ct) =>
        ExecuteAsync($"update reminders set lease_until = now() + $6 where {Key}", r, lease, ct);

    /// <summary>A one-shot reminder is deleted; a periodic one moves to its next due time after now.</summary>
    public Task<bool> CompleteAsync(ClaimedReminder r, CancellationToken ct) =>
        r.IsPeriodic
            ? ExecuteAsync($"""
                update reminders
                   set due_at = due_at + (floor(extract(epoch from now() - due_at) * 1000 / period_ms) + 1)
                                         * period_ms * interval '1 millisecond',
                       attempts = 0, lease_owner = null, lease_until = null
                 where {Key}
                """, r, null, ct)
            : ExecuteAsync($"delete from reminders where {Key}", r, null, ct);

    /// <summary>A failed handler is tried again after a short, growing delay.</summary>
    public Task<bool> RetryLaterAsync(ClaimedReminder r, TimeSpan delay, CancellationToken ct) =>
        ExecuteAsync($"update reminders set due_at = now() + $6, lease_owner = null, lease_until = null where {Key}", r, delay, ct);

    private async Task<bool> ExecuteAsync(string sql, ClaimedReminder r, TimeSpan? extra, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = r.Grain.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = r.Grain.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = r.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = r.Generation });
        command.Parameters.Add(new NpgsqlParameter { Value = siloId });
        if (extra is { } interval)
            command.Parameters.Add(new NpgsqlParameter { Value = interval });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }
}
