using Microsoft.Extensions.DependencyInjection;
using MissionControl.Silo.Hosting;
using MissionControl.Silo.Runtime;
using MissionControl.Testing;

namespace MissionControl.Silo.Tests.TestGrains;

/// <summary>Starts clusters hosting the test grains, with short timings.</summary>
public static class SiloSetup
{
    public static Task<TestCluster> StartAsync(int silos, Probe? probe = null, Action<SiloOptions>? options = null, Action<SiloBuilder>? more = null) =>
        TestCluster.StartAsync(silos, silo =>
        {
            silo.AddGrain<ICounterGrain, CounterGrain>()
                .AddGrain<IProbeGrain, ProbeGrain>()
                .AddEventsFrom(typeof(SiloSetup).Assembly)
                .Configure(o =>
                {
                    o.ReminderPollInterval = TimeSpan.FromMilliseconds(100);
                    o.ReminderLease = TimeSpan.FromSeconds(3);
                    options?.Invoke(o);
                });
            more?.Invoke(silo);
        }, services => services.AddSingleton(probe ?? new Probe()));
}
