using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents;

public static partial class AgentDecider
{
    /// <summary>Where an agent lives: board (or none), gateway, lead flag and the session key that follows.</summary>
    private readonly record struct Scope(Guid? BoardId, Guid GatewayId, bool IsBoardLead, string SessionKey);

    private static IReadOnlyList<AgentEvent> Update(AgentState? state, UpdateAgent command)
    {
        var agent = RequireChangeable(state);
        if (command.Status is not null)
        {
            throw DomainError.Forbidden("status is controlled by agent heartbeat");
        }

        if (!command.HasChanges && !command.Force)
        {
            return Nothing;
        }

        EnsureTokenIsHashed(command.NewTokenHash);
        var events = new List<AgentEvent>();
        var current = new Scope(agent.BoardId, agent.GatewayId, agent.IsBoardLead, agent.SessionKey);
        var target = ResolveScope(agent, command);
        if (target != current)
        {
            events.Add(new AgentScopeChanged(target.BoardId, target.GatewayId, target.IsBoardLead, target.SessionKey, command.Now));
        }

        if (command.ChangesProfile)
        {
            events.Add(ResolveProfile(agent, command));
        }

        // Every accepted update re-keys the agent: the new token is rendered into its workspace.
        events.Add(new AgentTokenRotated(command.NewTokenHash, command.Now) { TokenLookup = command.NewTokenLookup });
        events.Add(StartAttempt(agent, ProvisionAction.Update, command.Force, command.Now));
        return events;
    }

    private static Scope ResolveScope(AgentState agent, UpdateAgent command) => command.IsGatewayMain switch
    {
        true => ToGatewayMain(agent, command.Board),
        false => ToBoardScope(agent, command.Board),
        null when command.Board is null => new Scope(agent.BoardId, agent.GatewayId, agent.IsBoardLead, agent.SessionKey),
        // A gateway-main agent stays gateway-main unless the conversion is asked for explicitly.
        null when agent.IsGatewayMain => new Scope(null, agent.GatewayId, false, agent.SessionKey),
        null => MoveBoard(agent, command.Board!, "board_id is required"),
    };

    private static Scope ToGatewayMain(AgentState agent, BoardTarget? board)
    {
        // The new main agent joins the gateway of the given board, or of the board it is on now.
        var gatewayId = board?.BoardId is null
            ? agent.GatewayId
            : board.GatewayId ?? throw DomainError.Validation("Board gateway_id is required");
        return new Scope(null, gatewayId, false, SessionKeys.ForGatewayMain(gatewayId));
    }

    private static Scope ToBoardScope(AgentState agent, BoardTarget? board) =>
        board is null
            ? throw DomainError.Validation("board_id is required when converting a gateway-main agent to board scope")
            : MoveBoard(agent, board, "board_id is required when converting a gateway-main agent to board scope");

    private static Scope MoveBoard(AgentState agent, BoardTarget board, string missingBoardDetail)
    {
        var boardId = board.BoardId ?? throw DomainError.Validation(missingBoardDetail);
        var gatewayId = board.GatewayId ?? throw DomainError.Validation("Board gateway_id is required");
        var isLead = agent.IsBoardLead && !agent.IsGatewayMain;
        return new Scope(boardId, gatewayId, isLead, SessionKeys.For(agent.Id, boardId, gatewayId, isLead));
    }

    private static AgentProfileUpdated ResolveProfile(AgentState agent, UpdateAgent command)
    {
        var name = command.Name is null
            ? agent.Name
            : Text.TrimToNull(command.Name) ?? throw DomainError.Validation("name is required");
        return new AgentProfileUpdated(
            name,
            command.HeartbeatConfig is null ? agent.HeartbeatConfig : AgentProfiles.MergeHeartbeat(command.HeartbeatConfig),
            command.IdentityProfile is null ? agent.IdentityProfile : AgentProfiles.NormalizeIdentity(command.IdentityProfile),
            command.IdentityTemplate is null ? agent.IdentityTemplate : AgentProfiles.NormalizeTemplate(command.IdentityTemplate),
            command.SoulTemplate is null ? agent.SoulTemplate : AgentProfiles.NormalizeTemplate(command.SoulTemplate),
            command.Now);
    }
}
