using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Presence;
using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>The offline sweep's reads of the <c>agents</c> table (index <c>agents_silent_by_gateway</c>).</summary>
public sealed class SilentAgentQueries(NpgsqlDataSource dataSource) : ISilentAgents
{
    private const string Live = "gateway_id = $1 and not deleted and status <> all($2)";

    public async Task<GatewaySilence> FindAsync(
        Guid gatewayId, DateTimeOffset seenBefore, SilentAgent? after, int limit, CancellationToken ct = default)
    {
        var notLive = AgentStatus.NotLive.ToArray();
        var silent = await dataSource.ListAsync(
            $"""
            select id, last_seen_at from agents
            where {Live} and last_seen_at < $3 and (last_seen_at, id) > ($4, $5)
            order by last_seen_at, id limit $6
            """,
            row => new SilentAgent(row.Guid("id"), row.Time("last_seen_at")),
            ct, gatewayId, notLive, seenBefore.ToUniversalTime(),
            (after?.LastSeenAt ?? DateTimeOffset.MinValue).ToUniversalTime(), after?.AgentId ?? Guid.Empty, limit);
        var anyLive = silent.Count > 0 || after is not null
            || (await dataSource.ListAsync($"select 1 as one from agents where {Live} limit 1", row => true, ct, gatewayId, notLive)).Count > 0;
        return new GatewaySilence(silent, anyLive);
    }
}
