using System.Diagnostics;
using System.Threading.Channels;
using MissionControl.Runtime;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// Group commit: appends from any grain queue here, and a few writers each take whatever has
/// queued up into one transaction (<see cref="AppendTransaction"/>). Under load one commit, and
/// so one WAL flush, carries many appends; alone, an append still goes straight through.
/// Callers hear back only after their transaction committed. A batch that fails before COMMIT
/// wrote nothing: its stale appends (their stream moved on) get their conflict and the rest are
/// written again together, or, when no append was stale (a projection refusing its events, say),
/// one by one. So one stream's conflict or bad event never fails or loses another's events.
/// </summary>
internal sealed class AppendBatcher : IAsyncDisposable, IDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>();
    private readonly AppendTransaction _transaction;
    private readonly StaleAppends _stale;
    private readonly int _maxBatch;
    private readonly Lazy<Task[]> _writers;

    public AppendBatcher(AppendTransaction transaction, StaleAppends stale, int writers, int maxBatch)
    {
        _transaction = transaction;
        _stale = stale;
        _maxBatch = Math.Max(1, maxBatch);
        _writers = new Lazy<Task[]>(() => Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(WriteLoopAsync)).ToArray());
    }

    public Task<AppendResult> AppendAsync(PendingAppend append)
    {
        _ = _writers.Value;
        if (!_queue.Writer.TryWrite(append))
            throw new ObjectDisposedException(nameof(MartenEventStore), "The event store is shutting down.");
        return append.Completion;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAppend>(_maxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var append))
                batch.Add(append);
            if (batch.Count > 0)
                await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(IReadOnlyList<PendingAppend> batch)
    {
        var progress = new CommitProgress();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var results = await _transaction.WriteAsync(batch, progress);
            EventStoreMetrics.Committed(batch.Count, Stopwatch.GetElapsedTime(started));
            for (var i = 0; i < batch.Count; i++)
                batch[i].Succeed(results[i]);
        }
        catch (Exception ex) when (!progress.Committing)
        {
            await RetryWithoutStaleAsync(batch, ex);
        }
        catch (Exception ex)
        {
            // Lost at COMMIT itself (whether it landed is unknown): the callers decide.
            foreach (var append in batch)
                append.Fail(ex);
        }
    }

    private async Task RetryWithoutStaleAsync(IReadOnlyList<PendingAppend> batch, Exception failure)
    {
        ConcurrencyException?[] conflicts;
        try
        {
            conflicts = await _stale.FindAsync(batch);
        }
        catch (Exception)
        {
            // The database is away: nothing was written, and the original failure says why.
            foreach (var append in batch)
                append.Fail(failure);
            return;
        }
        var fresh = new List<PendingAppend>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (conflicts[i] is { } conflict)
            {
                EventStoreMetrics.Conflicted();
                batch[i].Fail(conflict);
            }
            else
                fresh.Add(batch[i]);
        }
        if (fresh.Count < batch.Count)
        {
            // The stale ones were the failure's likely cause: the rest go again together.
            if (fresh.Count > 0)
                await CommitAsync(fresh);
            return;
        }
        if (batch.Count == 1)
        {
            batch[0].Fail(failure); // alone and not stale: the failure is its own
            return;
        }
        foreach (var append in batch)
            await CommitAsync([append]); // none stale: find the one at fault by writing each alone
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writers.IsValueCreated)
            await Task.WhenAll(_writers.Value);
    }

    // Queued appends are still written; only new ones are refused.
    public void Dispose() => _queue.Writer.TryComplete();
}
