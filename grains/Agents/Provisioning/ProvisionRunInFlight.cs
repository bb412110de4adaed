namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>A provisioning run going on in an agent's activation: how to stop it, and when it has.</summary>
internal sealed class ProvisionRunInFlight
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancelled when someone needs the run to end.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Called by the run as it ends, however it ends.</summary>
    public void Finished()
    {
        _finished.TrySetResult();
        _stop.Dispose();
    }

    /// <summary>Cancels the run's gateway calls and waits until it has ended.</summary>
    public async Task StopAsync()
    {
        if (!_finished.Task.IsCompleted)
            await _stop.CancelAsync();
        await _finished.Task;
    }
}
