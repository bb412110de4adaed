using MissionControl.Runtime;

namespace MissionControl.Silo.Runtime;

/// <summary>
/// One live instance of a grain in this silo. Its turn lock makes calls run one at a time,
/// in arrival order; a call holds the turn across its awaits, so grains are not re-entrant.
/// </summary>
internal sealed class GrainActivation(GrainId id, IGrainLifecycle instance, TimeProvider clock)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly List<IDisposable> _timers = [];
    private long _lastUsedTicks = clock.GetUtcNow().UtcTicks;
    private int _pendingCalls;

    public GrainId Id { get; } = id;

    public IGrainLifecycle Instance { get; } = instance;

    /// <summary>Set inside a turn when the activation is retired; later callers go to a fresh one.</summary>
    public bool IsDeactivated { get; private set; }

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>Runs a call in a turn. Returns false, without running it, if the activation was retired.</summary>
    public async Task<(bool Ran, T Result)> RunCallAsync<T>(Func<IGrainLifecycle, Task<T>> call, TimeSpan turnTimeout)
    {
        Interlocked.Increment(ref _pendingCalls);
        try
        {
            if (!await _turn.WaitAsync(turnTimeout))
                throw new TimeoutException(
                    $"Grain {Id} stayed busy for {turnTimeout}; a call may be waiting on its own grain.");
            try
            {
                if (IsDeactivated)
                    return (false, default!);
                Touch();
                return (true, await call(Instance));
            }
            finally
            {
                Touch();
                _turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pendingCalls);
        }
    }

    /// <summary>Runs a timer callback in a turn, without counting as use (timers do not keep a grain alive).</summary>
    public async Task RunTimerTurnAsync(Func<CancellationToken, Task> callback, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            if (!IsDeactivated)
                await callback(ct);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void AddTimer(IDisposable timer)
    {
        lock (_timers)
            _timers.Add(timer);
    }

    public void RemoveTimer(IDisposable timer)
    {
        lock (_timers)
            _timers.Remove(timer);
    }

    /// <summary>Retires the activation if it is idle and nobody is calling or waiting.</summary>
    public async Task<bool> TryDeactivateAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _pendingCalls) > 0 || !_turn.Wait(0))
            return false;
        try
        {
            IsDeactivated = true;
            DisposeTimers();
            await Instance.OnDeactivateAsync(ct);
            return true;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Drops the activation without running its deactivation code, as a crash would.</summary>
    public void Abandon()
    {
        IsDeactivated = true;
        DisposeTimers();
    }

    private void DisposeTimers()
    {
        IDisposable[] timers;
        lock (_timers)
        {
            timers = [.. _timers];
            _timers.Clear();
        }
        foreach (var timer in timers)
            timer.Dispose();
    }

    private void Touch() => Interlocked.Exchange(ref _lastUsedTicks, clock.GetUtcNow().UtcTicks);
}
