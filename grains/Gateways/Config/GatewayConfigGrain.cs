using MissionControl.GrainInterfaces.Gateways;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Heartbeats;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Gateways.Config;

/// <summary>
/// Coalesces heartbeat-config writes for one gateway. A write waits one coalescing window, then
/// a round writes every entry waiting by then; entries arriving while a round runs go into the
/// next one. The grain has one activation in the cluster and runs one round at a time, so no two
/// silos patch one gateway at once, with no lock; a stale <c>baseHash</c> (someone outside wrote)
/// is retried by the patcher from a fresh <c>config.get</c>.
/// </summary>
[GrainType("gateway-config")]
public sealed class GatewayConfigGrain(
    IGatewayConnections connections,
    GatewayClientPool clients,
    GatewayConfigOptions options) : Grain, IGatewayConfigGrain
{
    private readonly List<PendingWrite> _pending = [];
    private bool _roundScheduled;

    public Task<HeartbeatPatchResult> WriteHeartbeat(AgentHeartbeat entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var write = new PendingWrite(entry, new TaskCompletionSource<HeartbeatPatchResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending.Add(write);
        if (!_roundScheduled)
            ScheduleRound();
        return write.Done.Task;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A waiting write keeps its caller's call open, so this runs only when the silo stops;
        // never leave a caller hanging then.
        foreach (var write in _pending)
            write.Done.TrySetException(new InvalidOperationException("The gateway config grain stopped before writing."));
        _pending.Clear();
        return Task.CompletedTask;
    }

    private void ScheduleRound()
    {
        _roundScheduled = true;
        this.RegisterGrainTimer(RunRoundAsync, new GrainTimerCreationOptions(options.CoalesceWindow, Timeout.InfiniteTimeSpan)
        {
            // Calls waiting for a round are open requests; the round must run beside them.
            Interleave = true,
        });
    }

    private async Task RunRoundAsync(CancellationToken ct)
    {
        List<PendingWrite> batch = [];
        try
        {
            var gateway = await connections.ResolveAsync(this.GetPrimaryKeyString(), ct);
            await StepAsideForCreationsAsync(gateway, ct);
            batch.AddRange(_pending);
            _pending.Clear();
            var result = await clients.HeartbeatPatcher(gateway).ApplyAsync(batch.Select(w => w.Entry).ToList(), ct);
            batch.ForEach(w => w.Done.TrySetResult(result));
        }
        catch (Exception ex)
        {
            // Failing before the batch was taken (the gateway unknown, the silo stopping) fails
            // the writes waiting for this round; none is left hanging.
            if (batch.Count == 0)
            {
                batch.AddRange(_pending);
                _pending.Clear();
            }

            batch.ForEach(w => w.Done.TrySetException(ex));
        }
        finally
        {
            // Writes that arrived during the round wait for the next one, never beside this one.
            _roundScheduled = false;
            if (_pending.Count > 0)
                ScheduleRound();
        }
    }

    // Every config write makes the gateway reload its whole config, which costs it more CPU than
    // the write itself, and less per write when writes come close together. While agents are
    // being created on this silo's connection, the round waits (up to MaxDeferral), so the
    // creations go back to back and the round then carries every entry that gathered meanwhile.
    private async Task StepAsideForCreationsAsync(GatewayClientOptions gateway, CancellationToken ct)
    {
        var until = DateTimeOffset.UtcNow + options.MaxDeferral;
        while (clients.ConfigWritesWaiting(gateway) > 0 && DateTimeOffset.UtcNow < until)
            await Task.Delay(options.CoalesceWindow, ct);
    }

    private sealed record PendingWrite(AgentHeartbeat Entry, TaskCompletionSource<HeartbeatPatchResult> Done);
}
