using Orleans;

namespace MissionControl.GrainInterfaces.Agents;

/// <summary>
/// Watches the agents of one gateway (keyed by the gateway id) for silence: a periodic reminder,
/// one per gateway with live agents, finds the agents silent for longer than OFFLINE_AFTER in one
/// query and asks each to judge itself. Heartbeats write nothing to the reminder table.
/// </summary>
public interface IOfflineSweepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes sure the sweep runs; cheap once it does. Agents call it from inside a heartbeat or an
    /// inbox poll, so it gives up quickly: right after a silo dies, a call can be routed to the
    /// dead silo's activation until the cluster has caught up, and the caller's turn must not wait
    /// out the cluster-wide response timeout for a side errand it can run again next time.
    /// </summary>
    [ResponseTimeout("00:00:05")]
    Task Watch();
}
