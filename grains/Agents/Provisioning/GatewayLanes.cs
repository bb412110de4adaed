using System.Collections.Concurrent;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>
/// How many provisioning runs this silo has going on each gateway: at most
/// <see cref="AgentOptions.ProvisionsPerGateway"/> per gateway, the others queued in arrival
/// order. Each gateway has a lane of its own, so a slow one only slows its own agents.
/// </summary>
public sealed class GatewayLanes(AgentOptions options)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _lanes = new();

    /// <summary>Waits for a place on the gateway's lane; dispose the result to give it up.</summary>
    public async Task<IDisposable> EnterAsync(Guid gatewayId, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(gatewayId, _ => new SemaphoreSlim(options.ProvisionsPerGateway, options.ProvisionsPerGateway));
        await lane.WaitAsync(ct);
        return new Place(lane);
    }

    private sealed class Place(SemaphoreSlim lane) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                lane.Release();
        }
    }
}
