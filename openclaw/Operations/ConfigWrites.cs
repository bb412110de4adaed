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
    private static readonly ConditionalWeakTable<IGatewayRpc, SemaphoreSlim> ByConnection = [];

    public static async Task<T> OneAtATimeAsync<T>(IGatewayRpc rpc, Func<Task<T>> write, CancellationToken ct)
    {
        var gate = ByConnection.GetValue(rpc, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }
}
