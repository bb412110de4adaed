using MissionControl.Grains.Gateways.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Keeps <c>gateways</c> in step with gateway streams. The token is write-only: the row says
/// whether one is set and nothing more.
/// </summary>
public sealed class GatewayProjection : IInlineProjection
{
    private const string Table = "gateways";

    public bool Handles(Type eventType) => typeof(GatewayEvent).IsAssignableFrom(eventType);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        GatewayRegistered e => RegisterAsync(connection, recorded, e, ct),
        GatewayConnectionChanged e => Update(connection, recorded, e,
            "url = $4, has_token = $5, allow_insecure_tls = $6, disable_device_pairing = $7", ct,
            e.Url, e.Token is not null, e.AllowInsecureTls, e.DisableDevicePairing),
        GatewayDetailsChanged e => Update(connection, recorded, e, "name = $4, workspace_root = $5", ct, e.Name, e.WorkspaceRoot),
        GatewayMainAgentAssigned e => Update(connection, recorded, e, "main_agent_id = $4", ct, e.AgentId),
        GatewayDeleted e => Update(connection, recorded, e, "deleted = true", ct),
        GatewayEvent e => Update(connection, recorded, e, "", ct),
        _ => Task.CompletedTask,
    };

    private static async Task RegisterAsync(NpgsqlConnection connection, RecordedEvent recorded, GatewayRegistered e, CancellationToken ct)
    {
        await connection.ExecuteAsync("""
            insert into gateways (
                id, stream_id, organization_id, name, url, has_token, workspace_root,
                allow_insecure_tls, disable_device_pairing, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
            on conflict do nothing
            """, ct,
            e.GatewayId, recorded.StreamId, e.OrganizationId, e.Name, e.Url, e.Token is not null, e.WorkspaceRoot,
            e.AllowInsecureTls, e.DisableDevicePairing, recorded.StreamVersion, e.At);
        // Agents projected before their gateway (a replay in another order) learn their organization now.
        await connection.ExecuteAsync(
            "update agents set organization_id = $2 where gateway_id = $1 and organization_id is null", ct,
            e.GatewayId, e.OrganizationId);
    }

    private static Task<int> Update(
        NpgsqlConnection connection, RecordedEvent recorded, GatewayEvent e, string assignments,
        CancellationToken ct, params object?[] values) =>
        VersionedRow.UpdateAsync(connection, Table, recorded, e.At, assignments, ct, values);
}
