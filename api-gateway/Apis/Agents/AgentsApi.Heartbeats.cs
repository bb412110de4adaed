using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Access;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Agents;

public static partial class AgentsApi
{
    /// <summary>A heartbeat for one agent: an agent only for itself, a user as an admin with write access.</summary>
    public static async Task<Ok<AgentRead>> Heartbeat(
        Guid agentId, AgentHeartbeat body, Caller caller,
        AgentGuard guard, AgentQueries agents, IGrainFactory grains, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var agent = await agents.GetAsync(agentId, ct) ?? throw DomainError.NotFound();
        AgentAccess.EnsureMayHeartbeat(await guard.ActorOfAsync(caller, ct), AgentGuard.Target(agent));
        return await BeatAsync(grains, agentId, body.Status, clock, options);
    }

    /// <summary>
    /// An agent beats for itself whatever name it gives. A user's heartbeat finds the agent by
    /// name (on the board, when given) in their organization, or creates and provisions it.
    /// </summary>
    public static async Task<Ok<AgentRead>> HeartbeatOrCreate(
        AgentHeartbeatCreate body, Caller caller,
        AgentGuard guard, AgentCreation creation, AgentQueries agents, IGrainFactory grains, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var name = AgentInput.Name(body.Name)!;
        var status = body.Status;
        if (caller is Caller.Agent self)
            return await BeatAsync(grains, self.Self.AgentId, status, clock, options);

        var session = ((Caller.User)caller).Session;
        var member = session.RequireAdmin();
        // Names are unique regardless of case, so "builder" finds "Builder" rather than clash with it.
        var named = await agents.NamedAsync(member.OrganizationId, name, body.BoardId, ct);
        var existing = named.FirstOrDefault(agent => agent.Name == name) ?? named.FirstOrDefault();
        Guid agentId;
        if (existing is not null)
        {
            AgentAccess.EnsureMemberAccess(member, AgentGuard.Target(existing), write: true);
            agentId = existing.Id;
        }
        else
        {
            var actor = new UserActor(session.UserId, member);
            agentId = (await creation.CreateAsync(actor, session, new AgentCreate(name, body.BoardId), ct)).Id;
        }

        return await BeatAsync(grains, agentId, status, clock, options);
    }

    private static async Task<Ok<AgentRead>> BeatAsync(IGrainFactory grains, Guid agentId, string? status, TimeProvider clock, AgentOptions options)
    {
        var agent = await grains.GetGrain<IAgentGrain>(agentId.ToString()).RecordHeartbeat(status);
        return TypedResults.Ok(AgentRead.From(agent, clock.GetUtcNow(), options.OfflineAfter));
    }
}
