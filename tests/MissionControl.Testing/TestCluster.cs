using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MissionControl.Silo.Cluster;
using MissionControl.Silo.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace MissionControl.Testing;

/// <summary>
/// An Orleans cluster of several silos in one process over one fresh database schema: each
/// silo has its own host, services and ports, and they meet through the membership table in
/// PostgreSQL, as separate processes would. Failure detection and reminder periods are scaled
/// down to test speed.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<SiloBuilder> _configure;
    private readonly Action<IServiceCollection>? _services;
    private readonly List<TestSilo> _silos = [];

    private TestCluster(TestDatabase database, Action<SiloBuilder> configure, Action<IServiceCollection>? services)
    {
        Database = database;
        _configure = configure;
        _services = services;
    }

    /// <summary>The shortest reminder period the test silos allow (a minute in production).</summary>
    public static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromMilliseconds(200);

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
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMissionControlSilo(Database.ConnectionString, _configure);
        builder.UseOrleans(orleans =>
        {
            orleans.UseMissionControlCluster(Database.ConnectionString, new ClusterSettings
            {
                ClusterId = "test",
                ServiceId = "test",
                SiloPort = FreePorts.Next(),
                GatewayPort = FreePorts.Next(),
            });
            orleans.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = MinimumReminderPeriod);
            orleans.Configure<ClusterMembershipOptions>(TestTimings.FastFailureDetection);
        });
        _services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.Services.GetRequiredService<DatabaseReadiness>().WhenMigrated(timeout.Token);
        var silo = new TestSilo(host);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>The running silo that holds <paramref name="grain"/>'s activation (the call activates it if need be).</summary>
    public async Task<TestSilo> HostOfAsync(IAddressable grain)
    {
        var running = _silos.Where(s => !s.IsStopped).ToList();
        var address = await running[0].Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        return running.Single(s => s.SiloId == address?.ToString());
    }

    /// <summary>The running silos other than <paramref name="silo"/>.</summary>
    public TestSilo OtherThan(TestSilo silo) => _silos.First(s => !s.IsStopped && s != silo);

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.StopAsync();
        await Database.DisposeAsync();
    }
}
