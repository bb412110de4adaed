namespace MissionControl.Silo.Runtime;

/// <summary>
/// A timer whose ticks run as turns of one activation; a failing tick does not stop it. A period
/// of <see cref="Timeout.InfiniteTimeSpan"/> makes it fire once.
/// </summary>
internal sealed class ActivationTimer : IDisposable
{
    private readonly CancellationTokenSource _stop;

    public ActivationTimer(
        GrainActivation activation, Func<CancellationToken, Task> callback,
        TimeSpan dueTime, TimeSpan period, CancellationToken siloKilled)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(siloKilled);
        activation.AddTimer(this);
        _ = RunAsync(activation, callback, dueTime, period, _stop.Token);
    }

    public void Dispose() => _stop.Cancel();

    private async Task RunAsync(
        GrainActivation activation, Func<CancellationToken, Task> callback,
        TimeSpan dueTime, TimeSpan period, CancellationToken ct)
    {
        try
        {
            await Task.Delay(dueTime, ct);
            while (!ct.IsCancellationRequested && !activation.IsDeactivated)
            {
                try
                {
                    await activation.RunTimerTurnAsync(callback, ct);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    // A timer is best effort; the next tick tries again.
                }
                if (period == Timeout.InfiniteTimeSpan)
                    break;
                await Task.Delay(period, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed, deactivated or the silo stopped.
        }
        finally
        {
            activation.RemoveTimer(this);
        }
    }
}
