using MissionControl.OpenClaw.Heartbeats;
using MissionControl.Runtime;

namespace MissionControl.GrainInterfaces.Gateways;

/// <summary>
/// The one way into a gateway's config document (keyed by gateway id). Heartbeat settings queued
/// together are written in one <c>config.get</c> + <c>config.patch</c> round, and rounds for one
/// gateway never overlap, in this silo or any other.
/// </summary>
public interface IGatewayConfigGrain : IGrain
{
    /// <summary>
    /// Queues an agent's heartbeat settings and returns at once; the ticket completes when a round
    /// has written them (or fails with that round's error).
    /// </summary>
    Task<HeartbeatTicket> QueueHeartbeat(AgentHeartbeat entry);
}

/// <summary>A queued heartbeat write; await <see cref="Written"/> for the round that carried it.</summary>
public sealed record HeartbeatTicket(Task<HeartbeatPatchResult> Written);
