using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.Silo.Hosting;
using Orleans.Serialization;
using Orleans.Configuration;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace MissionControl.Silo.Cluster;

public static class ClusterHosting
{
    /// <summary>The ADO.NET provider name the Orleans providers load Npgsql by.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>How long a grain call may take before the caller gives up (503).</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Joins this silo to the cluster kept in the service's PostgreSQL: membership, reminders and
    /// (default) grain state all live there, in the tables and statements of our migration
    /// <c>0010_orleans_cluster.sql</c>. The silo joins only once migrations are applied.
    /// </summary>
    public static ISiloBuilder UseMissionControlCluster(this ISiloBuilder silo, string connectionString, ClusterSettings settings)
    {
        silo.Services.AddMissionControlDatabase(connectionString);
        // The silo waits for the database (see MigratedBeforeJoining); starting the host's
        // services side by side lets the migrations and the HTTP front door start meanwhile.
        silo.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MigratedBeforeJoining>();
        silo.Services.AddSingleton<ClusterMembers>();
        silo.Services.AddSingleton<SiloReadiness>();

        // JSON values, and the gateway client's plain heartbeat values (it knows nothing of
        // Orleans), cross grain calls through the System.Text.Json codec.
        silo.Services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: CrossesAsJson));

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort);
        // A call may wait behind a provisioning step that retries a slow gateway (45 s budget)
        // in the same grain's turn; it should wait that out rather than fail after 30 s.
        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = CallTimeout);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(options =>
        {
            options.Invariant = AdoNetInvariant;
            options.ConnectionString = connectionString;
        });
        return silo;
    }

    private static bool CrossesAsJson(Type type) => type.Namespace == typeof(AgentHeartbeat).Namespace;
}
