using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Keeps <c>agents</c> in step with agent streams, mirroring <see cref="AgentEvolver"/> for the
/// columns lists need. The organization is not on agent events: it is looked up from the
/// agent's gateway row, which the gateway projection fills.
/// </summary>
public sealed partial class AgentProjection : IInlineProjection
{
    private const string Table = "agents";

    // Deletion outranks provisioning news that arrives late, as in the evolver.
    private const string UnlessDeleting =
        $"status in ('{AgentStatus.Deleting}', '{AgentStatus.Deleted}')";

    private const string OrganizationOfGateway = "(select g.organization_id from gateways g where g.id = $5)";

    // Inbox message traffic has its own table (InboxMessageProjection) and changes nothing here.
    public bool Handles(Type eventType) =>
        typeof(AgentEvent).IsAssignableFrom(eventType) && !typeof(AgentInboxMessageEvent).IsAssignableFrom(eventType);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        AgentCreated e => CreateAsync(connection, recorded, e, ct),
        AgentProvisionStarted e => StartProvisionAsync(connection, recorded, e, ct),
        AgentProvisionCompleted e => CompleteProvisionAsync(connection, recorded, e, ct),
        AgentProvisionFailed e => FailProvisionAsync(connection, recorded, e, ct),
        AgentTokenRotated e => Update(connection, recorded, e, "token_hash = $4, token_lookup = $5", ct, e.TokenHash, e.TokenLookup),
        AgentProfileUpdated e => UpdateProfileAsync(connection, recorded, e, ct),
        AgentScopeChanged e => ChangeScopeAsync(connection, recorded, e, ct),
        AgentHeartbeatRecorded e => HeartbeatRows.ApplyAsync(connection, recorded, e, ct),
        AgentWentOffline e => Update(connection, recorded, e, "status = $4", ct, AgentStatus.Offline),
        AgentDeletionStarted e => Update(connection, recorded, e, "status = $4", ct, AgentStatus.Deleting),
        AgentDeleted e => DeleteAsync(connection, recorded, e, ct),
        AgentInboxKeyIssued e => Update(connection, recorded, e, "inbox_key_hash = $4", ct, e.KeyHash),
        // Steps, missed check-ins and failed cleanups change nothing a list shows but the time.
        AgentEvent e => Update(connection, recorded, e, "", ct),
        _ => Task.CompletedTask,
    };

    /// <summary>Heartbeats, the bulk of all agent events, travel with the rest of their batch.</summary>
    public bool TryBatch(RecordedEvent recorded, ProjectionBatch batch)
    {
        if (recorded.Data is not AgentHeartbeatRecorded e)
            return false;
        batch.Rows<HeartbeatRows>().Add(recorded, e);
        return true;
    }

    private static Task CreateAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentCreated e, CancellationToken ct) =>
        connection.ExecuteAsync($"""
            insert into agents (
                id, stream_id, name, board_id, gateway_id, organization_id, is_board_lead, is_gateway_main,
                status, session_key, heartbeat_config, identity_profile, identity_template, soul_template,
                token_hash, token_lookup, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, {OrganizationOfGateway}, $6, $7,
                $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
            on conflict do nothing
            """, ct,
            e.AgentId, recorded.StreamId, e.Name, e.BoardId, e.GatewayId, e.IsBoardLead, e.BoardId is null,
            AgentStatus.Provisioning, e.SessionKey, SqlParameters.Jsonb(e.HeartbeatConfig), SqlParameters.Jsonb(e.IdentityProfile),
            e.IdentityTemplate, e.SoulTemplate, e.TokenHash, e.TokenLookup, recorded.StreamVersion, e.At);

    private static Task UpdateProfileAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentProfileUpdated e, CancellationToken ct) =>
        Update(connection, recorded, e, """
            name = $4, heartbeat_config = $5, identity_profile = $6, identity_template = $7, soul_template = $8
            """, ct,
            e.Name, SqlParameters.Jsonb(e.HeartbeatConfig), SqlParameters.Jsonb(e.IdentityProfile), e.IdentityTemplate, e.SoulTemplate);

    // A move to another gateway may change the organization too. An agent that is no longer a
    // gateway's main agent or a board's lead stops being named as one.
    private static async Task ChangeScopeAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentScopeChanged e, CancellationToken ct)
    {
        var agentId = await VersionedRow.ClaimAsync(connection, Table, recorded, e.At, $"""
            board_id = $4, gateway_id = $5, organization_id = {OrganizationOfGateway},
            is_board_lead = $6, is_gateway_main = $7, session_key = $8
            """, ct,
            e.BoardId, e.GatewayId, e.IsBoardLead, e.BoardId is null, e.SessionKey);
        if (agentId is { } id)
            await connection.ExecuteAsync(ForgetRoles + """
                update gateways set main_agent_id = null where main_agent_id = $1 and $2::uuid is not null
                """, ct, id, e.BoardId, e.IsBoardLead);
    }

    private static async Task DeleteAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentDeleted e, CancellationToken ct)
    {
        var agentId = await VersionedRow.ClaimAsync(connection, Table, recorded, e.At, "status = $4, deleted = true", ct, AgentStatus.Deleted);
        if (agentId is { } id)
            await connection.ExecuteAsync(ForgetRoles + """
                update gateways set main_agent_id = null where main_agent_id = $1
                """, ct, id, null, false);
    }

    // Boards led by $1 lose their lead unless it still leads them ($3, on board $2).
    private const string ForgetRoles = """
        with boards_led as (
            update boards set lead_agent_id = null
            where lead_agent_id = $1 and not ($3 and id is not distinct from $2::uuid))
        """;

    private static Task<int> Update(
        NpgsqlConnection connection, RecordedEvent recorded, AgentEvent e, string assignments,
        CancellationToken ct, params object?[] values) =>
        VersionedRow.UpdateAsync(connection, Table, recorded, e.At, assignments, ct, values);
}
