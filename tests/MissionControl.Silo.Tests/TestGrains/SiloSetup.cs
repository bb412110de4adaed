using MissionControl.Silo.EventStore;
using MissionControl.Silo.Hosting;
using MissionControl.Testing;

namespace MissionControl.Silo.Tests.TestGrains;

/// <summary>Starts clusters whose event store knows the test grains' events.</summary>
public static class SiloSetup
{
    public static Task<TestCluster> StartAsync(int silos, Action<EventStoreOptions>? options = null, Action<SiloBuilder>? more = null) =>
        TestCluster.StartAsync(silos, silo =>
        {
            silo.AddEventsFrom(typeof(SiloSetup).Assembly);
            if (options is not null)
                silo.Configure(options);
            more?.Invoke(silo);
        });
}
