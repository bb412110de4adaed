using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionControl.Silo.Cluster;
using MissionControl.Silo.Hosting;
using MissionControl.Testing;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace MissionControl.Silo.Tests.Hosted;

/// <summary>
/// An Orleans.TestingHost cluster whose silos run the product's cluster hosting: membership and
/// reminders in PostgreSQL (not the test cluster's own in-memory membership), over TCP, on one
/// fresh schema. The testing host starts, stops and kills the silos.
/// </summary>
public sealed class HostedCluster : IAsyncDisposable
{
    private const string ConnectionStringKey = "MissionControl:ConnectionString";

    private HostedCluster(TestDatabase database, Orleans.TestingHost.TestCluster cluster)
    {
        Database = database;
        Cluster = cluster;
    }

    public TestDatabase Database { get; }

    public Orleans.TestingHost.TestCluster Cluster { get; }

    public static async Task<HostedCluster> StartAsync(short silos)
    {
        var database = TestDatabase.Create();
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.InitializeClientOnDeploy = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties[ConnectionStringKey] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<ProductHosting>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new HostedCluster(database, cluster);
    }

    /// <summary>References to grains, called through <paramref name="silo"/>.</summary>
    public static IGrainFactory Grains(SiloHandle silo) =>
        ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<IGrainFactory>();

    public static IServiceProvider Services(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider;

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Each silo: the event store with the test grains' events, joined through the product's cluster hosting.</summary>
    public sealed class ProductHosting : IHostConfigurator, ISiloConfigurator
    {
        public void Configure(IHostBuilder host) =>
            host.ConfigureServices((context, services) => services.AddMissionControlSilo(
                context.Configuration[ConnectionStringKey]!, silo => silo.AddEventsFrom(typeof(ProductHosting).Assembly)));

        public void Configure(ISiloBuilder silo)
        {
            var configuration = silo.Configuration;
            silo.UseMissionControlCluster(configuration[ConnectionStringKey]!, new ClusterSettings
            {
                ClusterId = configuration["Orleans:ClusterId"]!,
                ServiceId = configuration["Orleans:ServiceId"]!,
                SiloPort = configuration.GetValue<int>("Orleans:Endpoints:SiloPort"),
                GatewayPort = configuration.GetValue<int>("Orleans:EndPoints:GatewayPort"),
            });
            silo.Configure<ClusterMembershipOptions>(TestTimings.FastFailureDetection);
        }
    }
}
