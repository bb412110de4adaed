using MissionControl.Grains.Gateways.TemplateSync;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ReadModels.Lifecycle;

/// <summary>A gateway's boards and agents for template sync, from the read models.</summary>
public sealed class ReadModelGatewayRoster(BoardQueries boards, AgentQueries agents) : IGatewayRoster
{
    public async Task<IReadOnlyList<RosterBoard>> BoardsAsync(Guid gatewayId, CancellationToken ct) =>
        (await boards.OfGatewayAsync(gatewayId, ct)).Select(b => new RosterBoard(b.Id, b.IsPaused)).ToList();

    public async Task<IReadOnlyList<RosterAgent>> AgentsAsync(Guid gatewayId, CancellationToken ct) =>
        (await agents.OfGatewayAsync(gatewayId, ct))
            .OrderBy(a => a.CreatedAt)
            .Select(a => new RosterAgent(a.Id, a.Name, a.BoardId, a.SessionKey, a.IsGatewayMain) { IsBoardLead = a.IsBoardLead })
            .ToList();
}
