using MissionControl.Grains.Agents.Events;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

public sealed partial class AgentProjection
{
    /// <summary>
    /// Consecutive heartbeats of a batch as one UPDATE of their agents' rows (in
    /// <c>project_agent_heartbeats</c>, Migrations/0009). A heartbeat sets
    /// every column an earlier one set, so an agent beating twice in the batch keeps only its
    /// latest; each row still moves only forward in version, as with <see cref="VersionedRow"/>.
    /// </summary>
    private sealed class HeartbeatRows : IBatchedRows
    {
        private const string Sql = "select project_agent_heartbeats($1, $2, $3, $4)";

        private readonly Dictionary<string, (long Version, string Status, DateTimeOffset At)> _latest = new(StringComparer.Ordinal);

        /// <summary>One heartbeat on its own, as the same update (for a projection replaying events).</summary>
        public static async Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, AgentHeartbeatRecorded e, CancellationToken ct)
        {
            var rows = new HeartbeatRows();
            rows.Add(recorded, e);
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { rows.ToCommand() } };
            await batch.ExecuteNonQueryAsync(ct);
        }

        public void Add(RecordedEvent recorded, AgentHeartbeatRecorded e)
        {
            if (!_latest.TryGetValue(recorded.StreamId, out var known) || known.Version < recorded.StreamVersion)
                _latest[recorded.StreamId] = (recorded.StreamVersion, e.Status, e.At);
        }

        public NpgsqlBatchCommand ToCommand()
        {
            var rows = _latest.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            return new NpgsqlBatchCommand(Sql)
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = rows.Select(r => r.Key).ToArray() },
                    new NpgsqlParameter { Value = rows.Select(r => r.Value.Version).ToArray() },
                    new NpgsqlParameter { Value = rows.Select(r => r.Value.Status).ToArray() },
                    new NpgsqlParameter { Value = rows.Select(r => r.Value.At.ToUniversalTime()).ToArray() },
                },
            };
        }
    }
}
