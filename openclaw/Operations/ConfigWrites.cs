using System.Runtime.CompilerServices;
using MissionControl.OpenClaw.Connection;

namespace MissionControl.OpenClaw.Operations;

/// <summary>
/// Config writes through one connection, one at a time. The gateway applies them one at a time
/// anyway (behind its config lock), so this costs no throughput; what it buys is a heartbeat round
/// whose <c>config.get</c> and <c>config.patch</c> have no agent created between them, which would
/// make its base hash stale and the round start over, again and again during a burst.
/// </summary>
internal static class ConfigWrites
{
    private static readonly ConditionalWeakTable<IGatewayRpc, Gate> ByConnection = [];

    public static async Task<T> OneAtATimeAsync<T>(IGatewayRpc rpc, Func<Task<T>> write, CancellationToken ct)
    {
        var gate = ByConnection.GetValue(rpc, _ => new Gate());
        Interlocked.Increment(ref gate.Waiting);
        try
        {
            await gate.Turn.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref gate.Waiting);
        }
        try
        {
            return await write();
        }
        finally
        {
            gate.Turn.Release();
        }
    }

    /// <summary>Config writes waiting for their turn on this connection.</summary>
    public static int Waiting(IGatewayRpc rpc) =>
        ByConnection.TryGetValue(rpc, out var gate) ? Volatile.Read(ref gate.Waiting) : 0;

    private sealed class Gate
    {
        public readonly SemaphoreSlim Turn = new(1, 1);
        public int Waiting;
    }
}
