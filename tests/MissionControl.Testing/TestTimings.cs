using Orleans.Configuration;

namespace MissionControl.Testing;

/// <summary>Cluster timings scaled down so tests find a killed silo in seconds.</summary>
public static class TestTimings
{
    // Seconds rather than the defaults' tens of seconds.
    public static void FastFailureDetection(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.LocalHealthDegradationMonitoringPeriod = TimeSpan.FromSeconds(1);
    }
}
