using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace MissionControl.Integration.Tests.Lifecycle;

/// <summary>Fault: three silos change the same board and the same agents at once.</summary>
public sealed class ContentionTests(ITestOutputHelper output)
{
    private const int CallsPerSilo = 20;

    [Fact]
    public async Task Given_three_silos_When_each_changes_one_board_and_beats_for_the_same_agents_at_once_Then_every_change_is_an_event_and_versions_have_no_gaps()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync(silos: 3);
        var organizationId = await cluster.OrganizationAsync();
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var boardId = await cluster.BoardAsync(organizationId, gatewayId);
        var agentId = (await cluster.Grains().GetGrain<IGatewayGrain>(gatewayId.ToString()).Get()).MainAgentId!.Value;
        var boardBefore = await cluster.Database.StreamVersionsAsync($"board-{boardId}");
        var agentBefore = await cluster.Database.StreamVersionsAsync($"agent-{agentId}");

        var calls = cluster.Silos.SelectMany((silo, s) => Enumerable.Range(0, CallsPerSilo).SelectMany(i => new[]
        {
            silo.Grains.GetGrain<IBoardGrain>(boardId.ToString()).Update(Change(s, i)),
            (Task)silo.Grains.GetGrain<IAgentGrain>(agentId.ToString()).RecordHeartbeat(null),
        }));
        await Task.WhenAll(calls);

        var board = await cluster.Database.StreamVersionsAsync($"board-{boardId}");
        var agent = await cluster.Database.StreamVersionsAsync($"agent-{agentId}");
        var boardData = await DataAsync(cluster, $"board-{boardId}", boardBefore.Count);
        FaultReport.Write(output.WriteLine,
            $"contention: 3 silos x {CallsPerSilo} board updates and {CallsPerSilo} heartbeats each at once; board stream {boardBefore.Count} -> {board.Count} events, " +
            $"agent stream {agentBefore.Count} -> {agent.Count} events, versions without gaps: {Contiguous(board) && Contiguous(agent)}");
        Assert.True(Contiguous(board), "the board's versions run 1..N");
        Assert.True(Contiguous(agent), "the agent's versions run 1..N");
        Assert.Equal(agentBefore.Count + 3 * CallsPerSilo, agent.Count);
        // Each update changed one field to a value no other call used: each must be in the stream.
        foreach (var s in Enumerable.Range(0, 3))
            foreach (var i in Enumerable.Range(0, CallsPerSilo))
                Assert.Contains(boardData, data => data.Contains(Value(s, i), StringComparison.Ordinal));
    }

    private static BoardChanges Change(int silo, int i) => silo switch
    {
        0 => new BoardChanges { Name = Value(silo, i) },
        1 => new BoardChanges { Description = Value(silo, i) },
        _ => new BoardChanges { Objective = Value(silo, i) },
    };

    private static string Value(int silo, int i) => $"silo{silo}-change{i}";

    private static bool Contiguous(List<long> versions) => versions.SequenceEqual(Enumerable.Range(1, versions.Count).Select(v => (long)v));

    private static async Task<List<string>> DataAsync(TestCluster cluster, string stream, int after)
    {
        await using var database = cluster.Database.CreateDataSource();
        await using var command = database.CreateCommand("select data::text from mt_events where stream_id = $1 and version > $2 order by version");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)after });
        await using var reader = await command.ExecuteReaderAsync();
        var data = new List<string>();
        while (await reader.ReadAsync())
            data.Add(reader.GetString(0));
        return data;
    }
}
