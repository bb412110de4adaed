using MissionControl.OpenClaw.Heartbeats;
using Orleans;
using Orleans.Concurrency;

namespace MissionControl.GrainInterfaces.Gateways;

/// <summary>
/// The one way into a gateway's config document (keyed by gateway id), on the Orleans cluster.
/// Heartbeat settings written together go out in one <c>config.get</c> + <c>config.patch</c>
/// round, and rounds for one gateway never overlap: the grain has one activation cluster-wide.
/// </summary>
[Alias("mc.gateway-config")]
public interface IGatewayConfigGrain : IGrainWithStringKey
{
    /// <summary>
    /// Writes an agent's heartbeat settings into the gateway's config; returns the result of the
    /// round that carried them (or throws that round's error). Interleaves with other calls on
    /// purpose: while one caller waits for its round, the next callers join the following one.
    /// </summary>
    [Alias("write-heartbeat")]
    [AlwaysInterleave]
    // A caller may wait for the round before its own and then for its own, each bounded by the
    // gateway retry budget (45 s interactive by default); a real gateway's round for a few hundred
    // agents alone takes tens of seconds. Longer than Orleans' default 30 s, on purpose.
    [ResponseTimeout("00:03:00")]
    Task<HeartbeatPatchResult> WriteHeartbeat(AgentHeartbeat entry);
}
