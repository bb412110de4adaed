using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Work;

/// <summary>An event whose messages wait in the outbox, and how many times a silo has taken it up.</summary>
public sealed record QueuedNotice(string StreamId, long StreamVersion, int Attempts, string Claimant);

/// <summary>
/// The <c>notice_outbox</c> table: events whose messages to agents have yet to go out (the
/// <see cref="Projections.NoticeOutboxProjection"/> fills it with each append). A silo claims
/// rows for a while; rows another silo holds are skipped, and a claim that runs out (its silo
/// died) makes the row due again.
/// </summary>
public sealed class NoticeOutbox(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims up to <paramref name="max"/> due rows, oldest first, for <paramref name="lease"/>, in
    /// <paramref name="claimant"/>'s name. Only the earliest row of each stream is ever taken, so
    /// the messages of one board (or task) go out in the order their events were committed
    /// (<c>/pause</c> before <c>/resume</c>), whichever silos send them.
    /// </summary>
    public Task<IReadOnlyList<QueuedNotice>> ClaimAsync(string claimant, int max, TimeSpan lease, CancellationToken ct) =>
        dataSource.ListAsync("""
            with due as (
                select o.stream_id, o.stream_version from notice_outbox o
                where o.claimed_until < now()
                  and not exists (
                      select 1 from notice_outbox earlier
                      where earlier.stream_id = o.stream_id and earlier.stream_version < o.stream_version)
                order by o.queued_at
                limit $1
                for update skip locked)
            update notice_outbox o
            set claimed_until = now() + $2, claimed_by = $3, attempts = o.attempts + 1
            from due
            where o.stream_id = due.stream_id and o.stream_version = due.stream_version
            returning o.stream_id, o.stream_version, o.attempts
            """, row => new QueuedNotice(row.Text("stream_id"), row.GetInt64(1), row.Int("attempts"), claimant), ct, max, lease, claimant);

    // Both below touch the row only while this claim holds it: a silo whose claim ran out (and
    // was taken over) must not remove or reschedule the row another silo now works on.

    /// <summary>Done with: every message went out, or its failure is recorded.</summary>
    public Task RemoveAsync(QueuedNotice notice, CancellationToken ct) =>
        dataSource.ExecuteAsync("""
            delete from notice_outbox
            where stream_id = $1 and stream_version = $2 and claimed_by = $3 and attempts = $4
            """, ct, notice.StreamId, notice.StreamVersion, notice.Claimant, notice.Attempts);

    /// <summary>Releases the row to be tried again once <paramref name="delay"/> has passed.</summary>
    public Task RetryLaterAsync(QueuedNotice notice, TimeSpan delay, CancellationToken ct) =>
        dataSource.ExecuteAsync("""
            update notice_outbox set claimed_until = now() + $5
            where stream_id = $1 and stream_version = $2 and claimed_by = $3 and attempts = $4
            """, ct, notice.StreamId, notice.StreamVersion, notice.Claimant, notice.Attempts, delay);

    /// <summary>How many events still wait for their messages (claimed or not).</summary>
    public async Task<long> PendingAsync(CancellationToken ct) =>
        (await dataSource.ListAsync("select count(*) from notice_outbox", row => row.GetInt64(0), ct)).Single();
}
