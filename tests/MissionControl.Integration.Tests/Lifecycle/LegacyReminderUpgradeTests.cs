using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Agents.Events;
using MissionControl.Integration.Tests.Agents;
using MissionControl.Testing;
using Npgsql;

namespace MissionControl.Integration.Tests.Lifecycle;

public sealed class LegacyReminderUpgradeTests
{
    [Fact]
    public async Task Given_a_live_agent_watched_only_by_the_former_reminders_table_When_the_service_starts_Then_its_gateway_sweep_takes_over_and_the_table_is_gone()
    {
        var options = AgentCluster.FastOptions();
        options.OfflineAfter = TimeSpan.FromSeconds(2);
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync(silos: 1, options);
        var organizationId = await cluster.OrganizationAsync();
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var agentId = (await cluster.Grains().GetGrain<IGatewayGrain>(gatewayId.ToString()).Get()).MainAgentId!.Value;
        await cluster.Agent(agentId).RecordHeartbeat(null);
        await cluster.Primary.StopAsync();
        // As an older release left it: no cluster reminders, the agent's watch in the former table.
        await ExecuteAsync(cluster, "delete from orleans_reminders");
        await ExecuteAsync(cluster, """
            create table reminders (grain_type text not null, grain_key text not null, name text not null, due_at timestamptz not null,
                                    primary key (grain_type, grain_key, name))
            """);
        await ExecuteAsync(cluster, $"insert into reminders values ('agent', '{agentId}', 'offline-check', now())");

        await cluster.StartSiloAsync();

        Assert.False(await ExistsAsync(cluster, "reminders"));
        Assert.False(await ExistsAsync(cluster, "reminders_upgrading"));
        await Eventually.WaitUntil(async () => (await cluster.EventsAsync(agentId)).OfType<AgentWentOffline>().Any(),
            TimeSpan.FromSeconds(30), "the agent's silence is noticed by its gateway's sweep");
    }

    private static async Task ExecuteAsync(TestCluster cluster, string sql)
    {
        await using var database = cluster.Database.CreateDataSource();
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ExistsAsync(TestCluster cluster, string table)
    {
        await using var database = cluster.Database.CreateDataSource();
        await using var command = database.CreateCommand("select to_regclass($1) is not null");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
