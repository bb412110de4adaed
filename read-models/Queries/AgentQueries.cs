using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>Reads of the <c>agents</c> table. Deleted agents are not returned.</summary>
public sealed partial class AgentQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, organization_id, board_id, gateway_id, name, status, is_board_lead, is_gateway_main, session_key,
        heartbeat_config::text as heartbeat_config, identity_profile::text as identity_profile,
        identity_template, soul_template, last_seen_at, last_provision_error, created_at, updated_at
        """;

    public Task<AgentRow?> GetAsync(Guid agentId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync(
            $"select {Columns} from agents where id = $1 and not deleted", Read, ct, agentId);

    /// <summary>One page of agents, ordered by creation then id so pages do not overlap.</summary>
    public Task<Page<AgentRow>> ListAsync(AgentListFilter filter, int limit, int offset, CancellationToken ct = default)
    {
        var where = new Filter()
            .Require("not deleted")
            .RequireIfSet("board_id = {0}", filter.BoardId)
            .RequireIfSet("gateway_id = {0}", filter.GatewayId)
            .RequireIfSet("organization_id = {0}", filter.OrganizationId);
        return dataSource.PageAsync(Columns, "agents", where, "created_at, id", limit, offset, Read, ct);
    }

    /// <summary>
    /// Agents whose token has <paramref name="tokenLookup"/> as its lookup key: usually one,
    /// rarely more (the key is short). One indexed read; the hash decides which, if any, matches.
    /// </summary>
    public Task<IReadOnlyList<AgentTokenCandidate>> FindByTokenLookupAsync(string tokenLookup, CancellationToken ct = default) =>
        dataSource.ListAsync(
            "select id, token_hash, board_id, status, is_board_lead from agents where token_lookup = $1 and not deleted",
            row => new AgentTokenCandidate(row.Guid("id"), row.Text("token_hash"), row.GuidOrNull("board_id"), row.Text("status"))
            {
                IsBoardLead = row.Flag("is_board_lead"),
            },
            ct, tokenLookup);

    /// <summary>Every agent a gateway runs (board agents and its main agent), for template sync.</summary>
    public Task<IReadOnlyList<AgentRow>> OfGatewayAsync(Guid gatewayId, CancellationToken ct = default) =>
        dataSource.ListAsync(
            $"select {Columns} from agents where gateway_id = $1 and not deleted order by created_at, id", Read, ct, gatewayId);

    private static AgentRow Read(NpgsqlDataReader row) => new(
        row.Guid("id"),
        row.GuidOrNull("organization_id"),
        row.GuidOrNull("board_id"),
        row.Guid("gateway_id"),
        row.Text("name"),
        row.Text("status"),
        row.Flag("is_board_lead"),
        row.Flag("is_gateway_main"),
        row.Text("session_key"),
        row.Json<Dictionary<string, System.Text.Json.JsonElement>>("heartbeat_config") ?? [],
        row.Json<Dictionary<string, string>>("identity_profile"),
        row.TextOrNull("identity_template"),
        row.TextOrNull("soul_template"),
        row.TimeOrNull("last_seen_at"),
        row.TextOrNull("last_provision_error"),
        row.Time("created_at"),
        row.Time("updated_at"));
}
