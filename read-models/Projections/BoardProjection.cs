using MissionControl.Grains.Boards;
using MissionControl.Grains.Boards.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>Keeps <c>boards</c> in step with board streams; rules are flattened into columns as the API shows them.</summary>
public sealed class BoardProjection : IInlineProjection
{
    private const string Table = "boards";

    private const string RuleAssignments = """
        require_approval_for_done = $4, require_review_before_done = $5, comment_required_for_review = $6,
        block_status_changes_with_pending_approval = $7, only_lead_can_change_status = $8, max_agents = $9
        """;

    public bool Handles(Type eventType) => typeof(BoardEvent).IsAssignableFrom(eventType);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        BoardCreated e => CreateAsync(connection, recorded, e, ct),
        BoardDetailsChanged e => Update(connection, recorded, e,
            "name = $4, description = $5, objective = $6", ct, e.Name, e.Description, e.Objective),
        BoardGatewayChanged e => Update(connection, recorded, e, "gateway_id = $4", ct, e.GatewayId),
        BoardRulesChanged e => Update(connection, recorded, e, RuleAssignments, ct, RuleValues(e.Rules)),
        BoardLeadAssigned e => Update(connection, recorded, e, "lead_agent_id = $4", ct, e.AgentId),
        BoardPaused e => Update(connection, recorded, e, "is_paused = true", ct),
        BoardResumed e => Update(connection, recorded, e, "is_paused = false", ct),
        BoardDeleted e => Update(connection, recorded, e, "deleted = true", ct),
        BoardMemoryPosted or BoardNotificationFailed => VersionedRow.AdvanceAsync(connection, Table, recorded, ct),
        BoardEvent e => Update(connection, recorded, e, "", ct),
        _ => Task.CompletedTask,
    };

    private static Task CreateAsync(NpgsqlConnection connection, RecordedEvent recorded, BoardCreated e, CancellationToken ct) =>
        connection.ExecuteAsync("""
            insert into boards (
                require_approval_for_done, require_review_before_done, comment_required_for_review,
                block_status_changes_with_pending_approval, only_lead_can_change_status, max_agents,
                id, stream_id, organization_id, name, description, board_type, objective, gateway_id,
                is_paused, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, false, $15, $16, $16)
            on conflict do nothing
            """, ct,
            [.. RuleValues(e.Rules), e.BoardId, recorded.StreamId, e.OrganizationId, e.Name, e.Description,
             e.BoardType, e.Objective, e.GatewayId, recorded.StreamVersion, e.At]);

    private static object?[] RuleValues(BoardRules rules) =>
    [
        rules.RequireApprovalForDone, rules.RequireReviewBeforeDone, rules.CommentRequiredForReview,
        rules.BlockStatusChangesWithPendingApproval, rules.OnlyLeadCanChangeStatus, rules.MaxAgents,
    ];

    private static Task<int> Update(
        NpgsqlConnection connection, RecordedEvent recorded, BoardEvent e, string assignments,
        CancellationToken ct, params object?[] values) =>
        VersionedRow.UpdateAsync(connection, Table, recorded, e.At, assignments, ct, values);
}
