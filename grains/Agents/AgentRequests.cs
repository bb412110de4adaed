using MissionControl.GrainInterfaces.Agents;

namespace MissionControl.Grains.Agents;

/// <summary>Translates between the agent grain's contract and its domain commands and state.</summary>
internal static class AgentRequests
{
    public static UpdateAgent ToCommand(AgentChanges changes, MintedToken token, DateTimeOffset now) => new(token.Hash, now)
    {
        NewTokenLookup = token.Lookup,
        Name = changes.Name,
        Status = changes.Status,
        HeartbeatConfig = changes.HeartbeatConfig,
        IdentityProfile = changes.IdentityProfile,
        IdentityTemplate = changes.IdentityTemplate,
        SoulTemplate = changes.SoulTemplate,
        Board = changes.Board is { } board ? new BoardTarget(board.BoardId, board.GatewayId) : null,
        IsGatewayMain = changes.IsGatewayMain,
        Force = changes.Force,
    };

    public static AgentSnapshot ToSnapshot(AgentState state, long version) => new(
        state.Id,
        state.Name,
        state.BoardId,
        state.GatewayId,
        state.IsBoardLead,
        state.IsGatewayMain,
        state.Status,
        state.SessionKey,
        state.HeartbeatConfig,
        state.IdentityProfile,
        state.IdentityTemplate,
        state.SoulTemplate,
        state.LastSeenAt,
        state.LastProvision is { } attempt ? ToSummary(attempt) : null,
        state.WakeAttempts,
        state.LastProvisionError,
        state.OfflineReason,
        state.CreatedAt,
        state.UpdatedAt,
        version);

    private static ProvisionSummary ToSummary(ProvisionAttempt attempt) => new(
        attempt.Generation,
        attempt.Action,
        attempt.Outcome,
        attempt.Error,
        attempt.Steps.Select(step => $"{step.Name}: {step.Answer}").ToList(),
        attempt.StartedAt,
        attempt.FinishedAt);
}
