using MissionControl.ReadModels.Sql;
using Npgsql;

namespace MissionControl.ReadModels.Queries;

/// <summary>Reads of the <c>gateways</c> table. Deleted gateways are not returned.</summary>
public sealed class GatewayQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, organization_id, name, url, has_token, workspace_root, allow_insecure_tls, disable_device_pairing,
        main_agent_id, created_at, updated_at
        """;

    public Task<GatewayRow?> GetAsync(Guid gatewayId, CancellationToken ct = default) =>
        dataSource.SingleOrDefaultAsync(
            $"select {Columns} from gateways where id = $1 and not deleted", Read, ct, gatewayId);

    /// <summary>One page of an organization's gateways, by name.</summary>
    public Task<Page<GatewayRow>> ListAsync(Guid organizationId, int limit, int offset, CancellationToken ct = default)
    {
        var where = new Filter()
            .Require("organization_id = {0}", organizationId)
            .Require("not deleted");
        return dataSource.PageAsync(Columns, "gateways", where, "lower(name), created_at, id", limit, offset, Read, ct);
    }

    private static GatewayRow Read(NpgsqlDataReader row) => new(
        row.Guid("id"),
        row.Guid("organization_id"),
        row.Text("name"),
        row.Text("url"),
        row.Flag("has_token"),
        row.Text("workspace_root"),
        row.Flag("allow_insecure_tls"),
        row.Flag("disable_device_pairing"),
        row.GuidOrNull("main_agent_id"),
        row.Time("created_at"),
        row.Time("updated_at"));
}
