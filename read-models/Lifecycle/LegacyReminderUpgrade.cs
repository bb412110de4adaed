using Microsoft.Extensions.Logging;
using MissionControl.GrainInterfaces.Agents;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.ReadModels.Lifecycle;

/// <summary>
/// Moves the agents' watches out of the <c>reminders</c> table that releases before the cluster
/// kept (migration 0002) into Orleans reminders and offline sweeps. Once the silo is active, it
/// renames the table out of the way (so no later start mistakes it for a fresh one), asks every
/// agent listed in it to resume its watches, then drops it. Silos starting together may both
/// work through the renamed table, and one that dies half way leaves it for the next start:
/// resuming an agent twice is harmless.
/// </summary>
internal sealed class LegacyReminderUpgrade(NpgsqlDataSource database, IGrainFactory grains, ILogger<LegacyReminderUpgrade> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private const string Claimed = "reminders_upgrading";

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LegacyReminderUpgrade), ServiceLifecycleStage.Active, RunAsync);

    private async Task RunAsync(CancellationToken ct)
    {
        await ClaimAsync(ct);
        var agents = await AgentKeysAsync(ct);
        if (agents is null)
            return;
        foreach (var agent in agents)
            await grains.GetGrain<IAgentGrain>(agent).Resume();
        await using var drop = database.CreateCommand($"drop table if exists {Claimed}");
        await drop.ExecuteNonQueryAsync(ct);
        logger.LogInformation("Moved the watches of {Count} agents onto cluster reminders.", agents.Count);
    }

    private async Task ClaimAsync(CancellationToken ct)
    {
        try
        {
            await using var rename = database.CreateCommand($"alter table if exists reminders rename to {Claimed}");
            await rename.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateTable)
        {
            // Both names exist (only by hand: a start renames the one table it finds). The renamed
            // one is worked through below; the other is taken on the next start.
        }
    }

    /// <summary>
    /// The agents listed in the claimed table, or null when there is none: never was, or a silo
    /// starting alongside this one has already worked through it and dropped it (it drops the
    /// table only after every agent in it resumed).
    /// </summary>
    private async Task<IReadOnlyList<string>?> AgentKeysAsync(CancellationToken ct)
    {
        try
        {
            await using var command = database.CreateCommand($"select distinct grain_key from {Claimed} where grain_type = 'agent'");
            await using var reader = await command.ExecuteReaderAsync(ct);
            var keys = new List<string>();
            while (await reader.ReadAsync(ct))
                keys.Add(reader.GetString(0));
            return keys;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }
}
