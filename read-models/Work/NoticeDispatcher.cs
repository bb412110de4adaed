using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MissionControl.Runtime;
using MissionControl.Silo.Hosting;
using Orleans.Runtime;

namespace MissionControl.ReadModels.Work;

/// <summary>When and how often queued messages to agents are sent.</summary>
public sealed class NoticeOptions
{
    /// <summary>How long an idle silo waits before it looks at the outbox again.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a silo holds the rows it took up; longer than sending them can take.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The waits before each further try of an event whose messages did not all go out (each try
    /// already has the gateway client's own retries); after the last, the failures are recorded.
    /// </summary>
    public IReadOnlyList<TimeSpan> RetryAfter { get; set; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)];

    /// <summary>How many events one silo takes up at once.</summary>
    public int Batch { get; set; } = 16;
}

/// <summary>
/// Sends the messages committed events call for (see <see cref="AgentNotices"/>), on every silo,
/// from the outbox their appends filled: the request that caused them has already answered. An
/// event's row goes once all its messages went out; if some failed it is tried again later
/// (sending again is harmless: each message keeps its idempotency key), and after the last try the
/// failures are recorded on the board as activity. A silo that dies mid-way leaves its rows to be
/// taken up again when their claim runs out.
/// </summary>
public sealed class NoticeDispatcher(
    NoticeOutbox outbox,
    IEventStore store,
    AgentNotices notices,
    AgentMessenger messenger,
    NoticeOptions options,
    DatabaseReadiness readiness,
    ILocalSiloDetails silo,
    ILogger<NoticeDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WhenMigrated(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = await ClaimAsync(stoppingToken);
            await Task.WhenAll(claimed.Select(DispatchAsync));
            // A full batch may mean more are due; otherwise rest (real time: this paces a poll, it judges nothing).
            if (claimed.Count < options.Batch)
                await Task.Delay(options.PollEvery, stoppingToken);
        }
    }

    private async Task<IReadOnlyList<QueuedNotice>> ClaimAsync(CancellationToken ct)
    {
        try
        {
            return await outbox.ClaimAsync(silo.SiloAddress.ToString(), options.Batch, options.Lease, ct);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            // The database is away; the rows wait for it, and the next poll tries again.
            logger.LogDebug(error, "Could not read the notice outbox");
            return [];
        }
    }

    // A claimed row is seen through even while the silo stops, so what went out is not sent
    // again by the next silo to take the row up.
    private async Task DispatchAsync(QueuedNotice queued)
    {
        try
        {
            var failed = await SendAllAsync(queued, CancellationToken.None);
            if (failed.Count == 0)
                await outbox.RemoveAsync(queued, CancellationToken.None);
            else if (queued.Attempts <= options.RetryAfter.Count)
                await outbox.RetryLaterAsync(queued, options.RetryAfter[queued.Attempts - 1], CancellationToken.None);
            else
                await GiveUpAsync(queued, failed);
        }
        catch (Exception error)
        {
            await AfterFailureAsync(queued, error);
        }
    }

    // Left claimed, the row is taken up again when its claim runs out; one that failed this way
    // on every try (an event that cannot be read, say) is dropped, so it does not come back forever.
    private async Task AfterFailureAsync(QueuedNotice queued, Exception error)
    {
        logger.LogWarning(error, "Could not dispatch the messages of {StreamId} v{Version} (try {Attempt})",
            queued.StreamId, queued.StreamVersion, queued.Attempts);
        if (queued.Attempts <= options.RetryAfter.Count)
            return;
        try
        {
            await outbox.RemoveAsync(queued, CancellationToken.None);
            logger.LogError("Dropped the messages of {StreamId} v{Version} after {Attempts} failed tries",
                queued.StreamId, queued.StreamVersion, queued.Attempts);
        }
        catch (Exception removal)
        {
            logger.LogDebug(removal, "Could not drop {StreamId} v{Version}; its claim will run out", queued.StreamId, queued.StreamVersion);
        }
    }

    /// <summary>Sends every message the event calls for, side by side; returns those that failed, with why.</summary>
    private async Task<IReadOnlyList<(Notice Notice, Exception Error)>> SendAllAsync(QueuedNotice queued, CancellationToken ct)
    {
        var page = await store.ReadStreamPageAsync(queued.StreamId, queued.StreamVersion - 1, 1, ct);
        if (page.Events is not [var recorded])
            return [];
        var outcomes = await Task.WhenAll((await notices.ForAsync(recorded, ct)).Select(async notice =>
            (Notice: notice, Error: await messenger.TrySendAsync(notice.Agent, notice.Message))));
        return [.. outcomes.Where(o => o.Error is not null).Select(o => (o.Notice, o.Error!))];
    }

    private async Task GiveUpAsync(QueuedNotice queued, IReadOnlyList<(Notice Notice, Exception Error)> failed)
    {
        foreach (var (notice, error) in failed)
            await messenger.RecordFailureAsync(notice.BoardId, notice.Agent, notice.Message, error);
        await outbox.RemoveAsync(queued, CancellationToken.None);
    }
}
