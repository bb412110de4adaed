using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionControl.Runtime;
using MissionControl.Silo.Runtime;

namespace MissionControl.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>, with its own services and activations.</summary>
public sealed class TestSilo(IHost host)
{
    public IServiceProvider Services => host.Services;

    public string SiloId => Services.GetRequiredService<SiloOptions>().SiloId;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>References to the grains that run on the silo's Orleans cluster.</summary>
    public Orleans.IGrainFactory Cluster => Services.GetRequiredService<Orleans.IGrainFactory>();

    public bool IsStopped { get; private set; }

    /// <summary>Stops the silo as a crash would: leases are not released and grains do not deactivate.</summary>
    public async Task KillAsync()
    {
        if (IsStopped)
            return;
        IsStopped = true;
        Services.GetRequiredService<SiloLifetime>().Kill();
        Services.GetRequiredService<GrainRuntime>().AbandonAll();
        await host.StopAsync(TimeSpan.FromSeconds(5));
        host.Dispose();
    }

    /// <summary>Stops the silo gracefully.</summary>
    public async Task StopAsync()
    {
        if (IsStopped)
            return;
        IsStopped = true;
        await host.StopAsync(TimeSpan.FromSeconds(10));
        host.Dispose();
    }
}
