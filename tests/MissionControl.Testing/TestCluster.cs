using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MissionControl.Silo.Cluster;
using MissionControl.Silo.Hosting;

namespace MissionControl.Testing;

/// <summary>
/// Several silos in one process over one fresh database schema: each silo has its own
/// services, activations and reminder service, and they share only PostgreSQL, as separate
/// processes would.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<SiloBuilder> _configure;
    private readonly Action<IServiceCollection>? _services;
    private readonly List<TestSilo> _silos = [];
    private int _started;

    private TestCluster(TestDatabase database, Action<SiloBuilder> configure, Action<IServiceCollection>? services)
    {
        Database = database;
        _configure = configure;
        _services = services;
    }

    public TestDatabase Database { get; }

    public IReadOnlyList<TestSilo> Silos => _silos;

    public TestSilo Primary => _silos[0];

    public static async Task<TestCluster> StartAsync(
        int siloCount, Action<SiloBuilder> configure, Action<IServiceCollection>? services = null)
    {
        var cluster = new TestCluster(TestDatabase.Create(), configure, services);
        for (var i = 0; i < siloCount; i++)
            await cluster.StartSiloAsync();
        return cluster;
    }

    public async Task<TestSilo> StartSiloAsync()
    {
        var name = $"silo-{Interlocked.Increment(ref _started)}-{Database.Schema}";
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMissionControlSilo(Database.ConnectionString, silo =>
        {
            silo.Configure(options => options.SiloId = name);
            _configure(silo);
        });
        // Each silo is also a silo of an Orleans cluster on the same schema, for the grains that
        // already run on Orleans.
        builder.UseOrleans(orleans => orleans.UseMissionControlCluster(Database.ConnectionString, new ClusterSettings
        {
            ClusterId = "test",
            ServiceId = "test",
            SiloPort = FreePorts.Next(),
            GatewayPort = FreePorts.Next(),
        }));
        _services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.Services.GetRequiredService<DatabaseReadiness>().WhenMigrated(timeout.Token);
        var silo = new TestSilo(host);
        _silos.Add(silo);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.StopAsync();
        await Database.DisposeAsync();
    }
}
