using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionControl.Cluster.TestSilo;
using MissionControl.Silo.Cluster;
using MissionControl.Testing;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Cluster.Tests.Support;

/// <summary>
/// One real Orleans silo in its own host in the test process, joined through the product's
/// cluster hosting to the membership, reminder and state tables of a test schema. Several on one
/// schema form one cluster over loopback, with <see cref="SiloProcess"/>es too.
/// </summary>
public sealed class ClusterSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public ClusterMembers Members => Services.GetRequiredService<ClusterMembers>();

    /// <summary>The silos this silo itself currently takes for active (its own view, not the table's).</summary>
    public IReadOnlyCollection<SiloAddress> ActiveSilosSeen =>
        Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();

    /// <summary>
    /// The silos whose grain types this silo knows. Placement picks only among these, and a silo
    /// joins this view a moment after it becomes active in the membership.
    /// </summary>
    public int SilosPlacingGrains => Services.GetRequiredService<IClusterManifestProvider>().Current.Silos.Count;

    public bool IsStopped { get; private set; }

    public static async Task<ClusterSilo> StartAsync(TestDatabase database, string serviceId = "svc")
    {
        var host = TestSiloHost.Build(database.ConnectionString, serviceId, FreePorts.Next(), FreePorts.Next());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        await TestSiloHost.EnsureFiringsTableAsync(host);
        return new ClusterSilo(host);
    }

    /// <summary>Stops the silo gracefully: it leaves the cluster and its reminders move at once.</summary>
    public async Task StopAsync()
    {
        if (IsStopped)
            return;
        IsStopped = true;
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
