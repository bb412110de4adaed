using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using Orleans;

namespace MissionControl.ApiGateway.Access;

/// <summary>
/// What an organization holds (agents, boards, gateways), deleted through their own grains so
/// each leaves as it would alone: agents leave their gateway and release their tasks. Agents go
/// first, while their boards and gateways still exist to clean up against.
/// </summary>
public sealed class OrganizationContents(IGrainFactory grains, AgentQueries agents, BoardQueries boards, GatewayQueries gateways)
{
    private const int PageSize = PageLimits.MaxLimit;

    /// <summary>Deletes everything; returns the first agent's gateway cleanup error (and stops there), else null.</summary>
    public async Task<string?> DeleteAsync(Guid organizationId, CancellationToken ct)
    {
        var agentIds = await CollectAsync((offset, token) => agents.ListAsync(new AgentListFilter(OrganizationId: organizationId), PageSize, offset, token), a => a.Id, ct);
        foreach (var agentId in agentIds)
        {
            var deletion = await grains.GetGrain<IAgentGrain>(agentId.ToString()).Delete();
            if (!deletion.Deleted)
                return deletion.Error ?? "agent deletion did not complete";
        }

        foreach (var boardId in await CollectAsync((offset, token) => boards.ListAsync(organizationId, null, PageSize, offset, token), b => b.Id, ct))
            await grains.GetGrain<IBoardGrain>(boardId.ToString()).Delete();
        foreach (var gatewayId in await CollectAsync((offset, token) => gateways.ListAsync(organizationId, PageSize, offset, token), g => g.Id, ct))
            await grains.GetGrain<IGatewayGrain>(gatewayId.ToString()).Delete();
        return null;
    }

    // Every id first, then the deletions: deleting while paging would shift the pages.
    private static async Task<List<Guid>> CollectAsync<T>(
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
