using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Runtime;
using Npgsql;
using static MissionControl.Integration.Tests.ReadModels.Sample;

namespace MissionControl.Integration.Tests.Lifecycle;

public sealed class EventStoreUpgradeTests
{
    [Fact]
    public async Task Given_streams_written_by_the_previous_event_store_When_the_service_starts_Then_Marten_holds_every_stream_and_event_unchanged_and_grains_go_on_from_them()
    {
        await using var cluster = await DomainCluster.StartAsync(silos: 0);
        await using var database = cluster.Database.CreateDataSource();
        var previous = new PreviousEventStore(database);
        await previous.MigrateAsync();
        var (organizationId, gatewayId, agentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await previous.AppendAsync(
            (OrganizationStream(organizationId), 0, [Organization(organizationId, "Acme")], new EventMetadata("user:ada", "req-1")),
            (GatewayStream(gatewayId), 0, [Gateway(gatewayId, organizationId, token: "gateway-secret")], new EventMetadata("user:ada", "req-2")));
        await previous.AppendAsync((AgentStream(agentId), 0, [Agent(agentId, gatewayId, null, "scout")], new EventMetadata("user:ada", "req-3")));
        // Longer than a snapshot interval, in appends of a few events each, as heartbeats come.
        for (var version = 1; version < 151; version += 5)
            await previous.AppendAsync((AgentStream(agentId), version,
                Enumerable.Range(version, 5).Select(i => (object)new AgentHeartbeatRecorded("online", At(i))).ToArray(),
                new EventMetadata($"agent:{agentId}", $"beat-{version}")));
        var events = await RowsAsync(database,
            "select seq, stream_id, version, event_type, data::text, metadata->>'causedBy', metadata->>'correlationId' from events order by seq");
        var streams = await RowsAsync(database, "select stream_id, version from streams order by stream_id");

        await cluster.StartSiloAsync();

        Assert.Equal(153, events.Count);
        Assert.Equal(events, await RowsAsync(database,
            "select seq_id, stream_id, version, type, data::text, causation_id, correlation_id from mt_events order by seq_id"));
        Assert.Equal(streams, await RowsAsync(database, "select id, version from mt_streams order by id"));
        foreach (var table in new[] { "events", "streams", "snapshots", "feed_checkpoints" })
            Assert.False(await ExistsAsync(database, table), $"{table} is gone");
        var agent = cluster.Grains().GetGrain<IAgentGrain>(agentId.ToString());
        Assert.Equal("scout", (await agent.Get())!.Name);
        await agent.RecordHeartbeat(null);
        var next = await RowsAsync(database, "select seq_id, version from mt_events where stream_id = $1 order by version desc limit 1", AgentStream(agentId));
        Assert.Equal([(long)events[^1][0]! + 1, 152L], next.Single());
    }

    private static async Task<List<object?[]>> RowsAsync(NpgsqlDataSource database, string sql, params object[] values)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<bool> ExistsAsync(NpgsqlDataSource database, string table)
    {
        await using var command = database.CreateCommand("select to_regclass($1) is not null");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
