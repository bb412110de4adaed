using MissionControl.GrainInterfaces.Gateways;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.Runtime;

namespace MissionControl.Grains.Gateways.Config;

/// <summary>
/// Coalesces heartbeat-config writes for one gateway. Queued entries wait one coalescing window,
/// then a flush (a turn of this grain) writes all of them in one round. Entries queued while a
/// round runs wait for the turn and go into the next round together. The round holds a
/// database-wide lock on the gateway, so silos never patch one gateway at the same time; a stale
/// <c>baseHash</c> inside the round is retried by the patcher from a fresh <c>config.get</c>.
/// </summary>
public sealed class GatewayConfigGrain(
    IGatewayConnections connections,
    GatewayClientPool clients,
    IDistributedLock locks,
    GatewayConfigOptions options) : Grain, IGatewayConfigGrain
{
    private readonly List<PendingWrite> _pending = [];
    private bool _flushScheduled;

    public Task<HeartbeatTicket> QueueHeartbeat(AgentHeartbeat entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var write = new PendingWrite(entry, new TaskCompletionSource<HeartbeatPatchResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending.Add(write);
        if (!_flushScheduled)
        {
            _flushScheduled = true;
            RegisterTimer(FlushAsync, options.CoalesceWindow, Timeout.InfiniteTimeSpan);
        }
        return Task.FromResult(new HeartbeatTicket(write.Done.Task));
    }

    protected override Task OnDeactivateAsync(CancellationToken ct)
    {
        // Unreachable in practice (a pending write keeps its flush timer), but never strand a caller.
        foreach (var write in _pending)
            write.Done.TrySetException(new InvalidOperationException("The gateway config grain stopped before writing."));
        _pending.Clear();
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        _flushScheduled = false;
        var batch = _pending.ToList();
        _pending.Clear();
        if (batch.Count == 0)
            return;
        try
        {
            var result = await WriteRoundAsync(batch.Select(w => w.Entry).ToList(), ct);
            batch.ForEach(w => w.Done.TrySetResult(result));
        }
        catch (Exception ex)
        {
            batch.ForEach(w => w.Done.TrySetException(ex));
        }
    }

    private async Task<HeartbeatPatchResult> WriteRoundAsync(IReadOnlyCollection<AgentHeartbeat> entries, CancellationToken ct)
    {
        var gateway = await connections.ResolveAsync(Key, ct);
        await using (await locks.AcquireAsync($"gateway-config:{Key}", ct))
            return await clients.HeartbeatPatcher(gateway).ApplyAsync(entries, ct);
    }

    private sealed record PendingWrite(AgentHeartbeat Entry, TaskCompletionSource<HeartbeatPatchResult> Done);
}
