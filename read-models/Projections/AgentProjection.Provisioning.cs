using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>Provision attempts: an outcome counts only for the latest attempt, as in the evolver.</summary>
public sealed partial class AgentProjection
{
    private static Task StartProvisionAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentProvisionStarted e, CancellationToken ct)
    {
        var status = e.Action == ProvisionAction.Provision ? AgentStatus.Provisioning : AgentStatus.Updating;
        return Update(connection, recorded, e, $"""
            provision_generation = $4,
            status = case when {UnlessDeleting} then status else $5 end
            """, ct, e.Generation, status);
    }

    private static Task CompleteProvisionAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentProvisionCompleted e, CancellationToken ct) =>
        Update(connection, recorded, e, $"""
            status = case when provision_generation <> $4 or {UnlessDeleting} then status else $5 end,
            last_provision_error = case when provision_generation <> $4 then last_provision_error end
            """, ct, e.Generation, AgentStatus.Online);

    private static Task FailProvisionAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentProvisionFailed e, CancellationToken ct) =>
        Update(connection, recorded, e, $"""
            status = case when provision_generation <> $4 or {UnlessDeleting} then status else $5 end,
            last_provision_error = case when provision_generation <> $4 then last_provision_error else $6 end
            """, ct, e.Generation, AgentStatus.Failed, e.Error);
}
