using Orleans;

namespace MissionControl.GrainInterfaces.Agents;

/// <summary>
/// The agents of one gateway, keyed by the gateway's id: the one place that decides a change that
/// must not clash with another agent there. A worker's name is unique on its board and in the
/// gateway's workspace, a board holds at most its <c>max_agents</c> workers, and a gateway has one
/// main agent. Its single activation takes these changes one at a time across all silos, so two
/// requests racing for the same name or the same place see one winner and one 409.
/// </summary>
[Alias("mc.gateway-roster")]
public interface IGatewayRosterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers a new worker on one of the gateway's boards (its grain then provisions it), unless
    /// its name is taken there or its board is full (409). Returns the agent as registered.
    /// </summary>
    [Alias("add-worker")]
    Task<AgentSnapshot> AddWorker(NewAgent agent);

    /// <summary>
    /// Changes an agent that is, or is moving, on this gateway: a new name, or its name on the board
    /// it moves to, must be free there; a worker moves only onto a board with room; and it may
    /// become the main agent only while the gateway has no other (409). Returns the agent as changed.
    /// </summary>
    [Alias("change-agent")]
    Task<AgentSnapshot> ChangeAgent(Guid agentId, AgentChanges changes);

    /// <summary>
    /// The gateway's main agent, created and provisioned when missing: when there is none yet, or
    /// the one the gateway names has since been deleted or moved onto a board. Returns its id.
    /// </summary>
    [Alias("ensure-main-agent")]
    Task<Guid> EnsureMainAgent(string? name);
}
