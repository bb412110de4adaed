using System.Runtime.CompilerServices;
using MissionControl.OpenClaw.Connection;

namespace MissionControl.OpenClaw.Operations;

/// <summary>
/// The workspace file names a gateway accepts, remembered per connection for a few minutes:
/// asking costs two calls (the default agent, then its files), the answer only changes when the
/// gateway is upgraded, and every provisioning run needs it.
/// </summary>
internal static class SupportedFiles
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private static readonly ConditionalWeakTable<IGatewayRpc, Remembered> ByConnection = [];

    public static async Task<IReadOnlySet<string>> GetAsync(IGatewayRpc rpc, Func<Task<IReadOnlySet<string>>> ask)
    {
        if (ByConnection.TryGetValue(rpc, out var remembered) && DateTimeOffset.UtcNow - remembered.At < KeepFor)
            return remembered.Names;
        var names = await ask();
        ByConnection.AddOrUpdate(rpc, new Remembered(names, DateTimeOffset.UtcNow));
        return names;
    }

    private sealed record Remembered(IReadOnlySet<string> Names, DateTimeOffset At);
}
