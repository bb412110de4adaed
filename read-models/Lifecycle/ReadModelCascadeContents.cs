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

    // Every id first, then the deletions: deleting while paging would shift the pages.
    private static async Task<IReadOnlyList<Guid>> CollectAsync<T>(
        Func<int, CancellationToken, Task<Page<T>>> page, Func<T, Guid> id, CancellationToken ct)
    {
        var ids = new List<Guid>();
        while (true)
        {
            var next = await page(ids.Count, ct);
            ids.AddRange(next.Items.Select(id));
            if (next.Items.Count == 0 || ids.Count >= next.Total)
                return ids;
        }
    }
}
