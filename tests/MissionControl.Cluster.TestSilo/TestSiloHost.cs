using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MissionControl.Silo.Cluster;
using MissionControl.Testing;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;

namespace MissionControl.Cluster.TestSilo;

/// <summary>A silo joined through the product's cluster hosting, with failure detection in seconds.</summary>
public static class TestSiloHost
{
    public const string ClusterId = "test-cluster";

    public static IHost Build(string connectionString, string serviceId, int siloPort, int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseMissionControlCluster(connectionString, new ClusterSettings
            {
                ClusterId = ClusterId,
                ServiceId = serviceId,
                SiloPort = siloPort,
                GatewayPort = gatewayPort,
            });
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Configure<ClusterMembershipOptions>(TestTimings.FastFailureDetection);
        });
        return builder.Build();
    }

    /// <summary>Where <see cref="AlarmGrain"/> records its firings.</summary>
    public static async Task EnsureFiringsTableAsync(IHost host)
    {
        var database = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = database.CreateCommand(
            "create table if not exists reminder_firings (grain text not null, silo text not null, at timestamptz not null default clock_timestamp())");
        await command.ExecuteNonQueryAsync();
    }
}
