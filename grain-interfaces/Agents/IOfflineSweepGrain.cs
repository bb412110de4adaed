using Orleans;

namespace MissionControl.GrainInterfaces.Agents;

/// <summary>
/// Watches the agents of one gateway (keyed by the gateway id) for silence: a periodic reminder,
/// one per gateway with live agents, finds the agents silent for longer than OFFLINE_AFTER in one
/// query and asks each to judge itself. Heartbeats write nothing to the reminder table.
/// </summary>
public interface IOfflineSweepGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the sweep runs; cheap once it does.</summary>
    Task Watch();
}
