using MissionControl.Grains.Boards.Events;

namespace MissionControl.Grains.Boards;

/// <summary>Folds board events into <see cref="BoardState"/>; never throws.</summary>
public static class BoardEvolver
{
    /// <summary>The state after <paramref name="evt"/>.</summary>
    public static BoardState? Apply(BoardState? state, BoardEvent evt)
    {
        if (evt is BoardCreated e)
        {
            return new BoardState(
                e.BoardId, e.OrganizationId, e.Name, e.Description, e.BoardType, e.Objective, e.GatewayId,
                LeadAgentId: null, IsPaused: false, e.Rules, IsDeleted: false, e.At, e.At);
        }

        // Memory and delivery records are about the board's work, not changes to the board.
        if (state is null || evt is BoardMemoryPosted or BoardNotificationFailed)
        {
            return state;
        }

        return ApplyToExisting(state, evt) with { UpdatedAt = evt.At };
    }

    /// <summary>The state after all <paramref name="events"/>.</summary>
    public static BoardState? Fold(IEnumerable<BoardEvent> events, BoardState? state = null) =>
        events.Aggregate(state, Apply);

    private static BoardState ApplyToExisting(BoardState state, BoardEvent evt) => evt switch
    {
        BoardDetailsChanged e => state with { Name = e.Name, Description = e.Description, Objective = e.Objective },
        BoardGatewayChanged e => state with { GatewayId = e.GatewayId },
        BoardRulesChanged e => state with { Rules = e.Rules },
        BoardLeadAssigned e => state with { LeadAgentId = e.AgentId },
        BoardPaused => state with { IsPaused = true },
        BoardResumed => state with { IsPaused = false },
        BoardDeleted => state with { IsDeleted = true },
        _ => state,
    };
}
