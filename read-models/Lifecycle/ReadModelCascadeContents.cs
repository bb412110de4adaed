using MissionControl.Grains.Deletion;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ReadModels.Lifecycle;

/// <summary>What a board or organization still holds, for its deletion, from the read models.</summary>
public sealed class ReadModelCascadeContents(AgentQueries agents, BoardQueries boards, GatewayQueries gateways) : ICascadeContents
{
    private const int PageSize = PageLimits.MaxLimit;

    public Task<IReadOnlyList<Guid>> AgentsOfBoardAsync(Guid boardId, CancellationToken ct) =>
        CollectAsync((offset, token) => agents.ListAsync(new AgentListFilter(BoardId: boardId), PageSize, offset, token), a => a.Id, ct);

    public Task<IReadOnlyList<Guid>> AgentsOfOrganizationAsync(Guid organizationId, CancellationToken ct) =>
        CollectAsync((offset, token) => agents.ListAsync(new AgentListFilter(OrganizationId: organizationId), PageSize, offset, token), a => a.Id, ct);

    public Task<IReadOnlyList<Guid>> BoardsOfOrganizationAsync(Guid organizationId, CancellationToken ct) =>
        CollectAsync((offset, token) => boards.ListAsync(organizationId, null, PageSize, offset, token), b => b.Id, ct);

    public Task<IReadOnlyList<Guid>> GatewaysOfOrganizationAsync(Guid organizationId, CancellationToken ct) =>
        CollectAsync((offset, token) => gateways.ListAsync(organizationId, PageSize, offset, token), g => g.Id, ct);

    private static async Task<IReadOnlyList<Guid>> CollectAsync<T>(
        Func<int, CancellationToken, Task<Page<T>>> page, Func<T, Guid> id, CancellationToken ct) =>
        [.. (await PageLimits.ReadAllAsync(page, ct)).Select(id)];
}
