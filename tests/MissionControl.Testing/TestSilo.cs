using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Testing;

/// <summary>One Orleans silo of a <see cref="TestCluster"/>, with its own services.</summary>
public sealed class TestSilo(IHost host)
{
    public IServiceProvider Services => host.Services;

    /// <summary>The silo's address in the cluster, as the membership table and reminders name it.</summary>
    public string SiloId => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    /// <summary>References to grains, called through this silo (the cluster places the activation).</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public bool IsStopped { get; private set; }

    /// <summary>
    /// Stops the silo as a crash would: no graceful leave, so the others find it dead by failure
    /// detection and take over its grains and reminders.
    /// </summary>
    public async Task KillAsync()
    {
        if (IsStopped)
            return;
        IsStopped = true;
        try
        {
            await host.StopAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
            // Expected: stopping without grace is stopping with a cancelled token.
        }
        host.Dispose();
    }

    /// <summary>Stops the silo gracefully: it leaves the cluster and hands its grains over.</summary>
    public async Task StopAsync()
    {
        if (IsStopped)
            return;
        IsStopped = true;
        await host.StopAsync(TimeSpan.FromSeconds(30));
        host.Dispose();
    }
}
