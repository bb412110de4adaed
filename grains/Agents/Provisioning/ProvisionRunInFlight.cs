namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>
/// A provisioning run going on in an agent's activation: how to stop it, and when it has. All of
/// it is used on the activation's scheduler, one step at a time, so it needs no locks.
/// </summary>
internal sealed class ProvisionRunInFlight
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _started;

    /// <summary>Cancelled when someone needs the run to end.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>
    /// Called by the run as it begins; false when it was stopped before it began (it must then do
    /// nothing), so stopping never waits for a run that has not started.
    /// </summary>
    public bool TryStart()
    {
        if (_finished.Task.IsCompleted)
            return false;
        _started = true;
        return true;
    }

    /// <summary>Called by a run that started, as it ends, however it ends.</summary>
    public void Finished() => _finished.TrySetResult();

    /// <summary>Cancels the run's gateway calls and waits until it has ended.</summary>
    public async Task StopAsync()
    {
        if (_finished.Task.IsCompleted)
            return;
        await _stop.CancelAsync();
        if (!_started)
            _finished.TrySetResult();
        await _finished.Task;
    }
}
