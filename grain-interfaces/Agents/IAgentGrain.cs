using MissionControl.Runtime;

namespace MissionControl.GrainInterfaces.Agents;

/// <summary>
/// One agent (keyed by its id). So far: registration, heartbeats and offline detection; a durable
/// reminder marks a silent agent offline once, whichever silo fires it.
/// </summary>
public interface IAgentGrain : IGrain
{
    /// <summary>Creates the agent; its first provision is recorded as started.</summary>
    Task<AgentPresence> Register(NewAgent agent);

    /// <summary>Records a heartbeat: the status given, else online; last seen now.</summary>
    Task<AgentPresence> RecordHeartbeat(string? status);

    Task<AgentPresence> GetPresence();
}

/// <summary>What an agent needs to exist. The token arrives hashed; the raw token never reaches a grain.</summary>
public sealed record NewAgent(Guid AgentId, string Name, Guid? BoardId, Guid GatewayId, string TokenHash)
{
    public bool IsBoardLead { get; init; }

    public bool IsGatewayMain { get; init; }
}

/// <summary>An agent's status as its stream tells it.</summary>
public sealed record AgentPresence(string Status, DateTimeOffset? LastSeenAt, long Version);
