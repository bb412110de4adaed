using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Access;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Agents;

public static partial class AgentsApi
{
    /// <summary>A new worker on a board: by an admin with write access, or by the board's lead on its own board.</summary>
    public static async Task<Ok<AgentRead>> Create(
        Caller caller, AgentCreate body, AgentGuard guard, AgentCreation creation, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var actor = await guard.ActorOfAsync(caller, ct);
        var agent = await creation.CreateAsync(actor, (caller as Caller.User)?.Session, body, ct);
        return TypedResults.Ok(AgentRead.From(agent, clock.GetUtcNow(), options.OfflineAfter));
    }

    /// <summary>
    /// Changes an agent and re-provisions it with a fresh token; with nothing to change and no
    /// <c>force</c> it stays as it is. Status belongs to heartbeats (403). The roster of the
    /// gateway it ends up on decides whether its new name or place is free.
    /// </summary>
    public static async Task<Ok<AgentRead>> Update(
        Guid agentId, AgentUpdate body, bool? force, UserSession session,
        AgentGuard guard, BoardGuard boards, IGrainFactory grains, TimeProvider clock, AgentOptions options, CancellationToken ct)
    {
        var agent = await guard.ForAdminAsync(session, agentId, write: true, ct);
        var changes = ReadChanges(body, force ?? false);
        if (body.BoardId is { } boardId)
        {
            var board = await boards.ForUserAsync(session, boardId, write: true, ct);
            changes = changes with { Board = new BoardMove(board.Id, board.GatewayId) };
        }

        var updated = await ChangeAsync(grains, agent, changes);
        return TypedResults.Ok(AgentRead.From(updated, clock.GetUtcNow(), options.OfflineAfter));
    }

    /// <summary>
    /// Cleans the agent off its gateway and deletes it; an agent that does not exist is already
    /// gone (Ok). A gateway failure leaves it deleting with the error (502); deleting again retries.
    /// </summary>
    public static async Task<Ok<OkResponse>> Delete(
        Guid agentId, UserSession session, AgentQueries agents, IGrainFactory grains, CancellationToken ct)
    {
        var member = session.RequireAdmin();
        if (await agents.GetAsync(agentId, ct) is not { } agent)
            return TypedResults.Ok(OkResponse.Instance);
        AgentAccess.EnsureMemberAccess(member, AgentGuard.Target(agent), write: true);
        return await DeleteAsync(grains, agentId);
    }

    /// <summary>Deletes through the grain; shared with the lead's delete route.</summary>
    internal static async Task<Ok<OkResponse>> DeleteAsync(IGrainFactory grains, Guid agentId)
    {
        var deletion = await grains.GetGrain<IAgentGrain>(agentId.ToString()).Delete();
        return deletion.Deleted
            ? TypedResults.Ok(OkResponse.Instance)
            : throw BadGatewayException.Failed(GatewayFailures.Cleanup, deletion.Error);
    }

    // Only a change of name, place or role can clash with another agent: those go through the
    // roster of the gateway the agent ends up on; others need no turn of the whole gateway's.
    private static async Task<AgentSnapshot> ChangeAsync(IGrainFactory grains, AgentRow agent, AgentChanges changes)
    {
        if (changes.Name is not null || changes.Board is not null || changes.IsGatewayMain is not null)
        {
            var gatewayId = changes.Board?.GatewayId ?? agent.GatewayId;
            return await grains.GetGrain<IGatewayRosterGrain>(gatewayId.ToString()).ChangeAgent(agent.Id, changes);
        }
        var grain = grains.GetGrain<IAgentGrain>(agent.Id.ToString());
        await grain.Update(changes);
        return await grain.Get() ?? throw DomainError.NotFound();
    }

    private static AgentChanges ReadChanges(AgentUpdate body, bool force)
    {
        return new AgentChanges
        {
            Name = AgentInput.Name(body.Name),
            Status = body.Status,
            HeartbeatConfig = body.HeartbeatConfig,
            IdentityProfile = body.IdentityProfile is null ? null : AgentInput.IdentityProfile(body.IdentityProfile) ?? new Dictionary<string, string>(),
            IdentityTemplate = body.IdentityTemplate,
            SoulTemplate = body.SoulTemplate,
            IsGatewayMain = body.IsGatewayMain,
            Force = force,
        };
    }
}
