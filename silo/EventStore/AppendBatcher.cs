using System.Threading.Channels;
using MissionControl.Runtime;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// Group commit: appends from any grain queue here, and a few writers each take whatever has
/// queued up into one transaction (<see cref="AppendTransaction"/>). Under load one commit, and
/// so one WAL flush, carries many appends; alone, an append still goes straight through.
/// Callers hear back only after their transaction committed. If a batch fails before COMMIT
/// (one append's projection refusing its events, say), nothing of it was written and each
/// append is tried again alone, so one stream's failure never fails or loses another's events.
/// </summary>
internal sealed class AppendBatcher : IAsyncDisposable, IDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>();
    private readonly AppendTransaction _transaction;
    private readonly CommitNotifier _notifier;
    private readonly int _maxBatch;
    private readonly Lazy<Task[]> _writers;

    public AppendBatcher(AppendTransaction transaction, CommitNotifier notifier, int writers, int maxBatch)
    {
        _transaction = transaction;
        _notifier = notifier;
        _maxBatch = Math.Max(1, maxBatch);
        _writers = new Lazy<Task[]>(() => Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(WriteLoopAsync)).ToArray());
    }

    public Task<AppendResult> AppendAsync(PendingAppend append)
    {
        _ = _writers.Value;
        if (!_queue.Writer.TryWrite(append))
            throw new ObjectDisposedException(nameof(PostgresEventStore), "The event store is shutting down.");
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
        try
        {
            var outcomes = await _transaction.WriteAsync(batch, progress);
            if (outcomes.Any(o => o is AppendResult))
                _notifier.Signal();
            for (var i = 0; i < batch.Count; i++)
                batch[i].Settle(outcomes[i]);
        }
        catch (Exception) when (!progress.Committing && batch.Count > 1)
        {
            foreach (var append in batch.ToArray())
                await CommitAsync([append]);
        }
        catch (Exception ex)
        {
            // Alone, or lost at COMMIT itself (whether it landed is unknown): the caller decides.
            foreach (var append in batch)
                append.Fail(ex);
        }
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
