using MissionControl.Silo.Hosting;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Silo.Cluster;

/// <summary>
/// Holds the silo's start until the migrations are applied: the cluster's own tables and
/// statements come with them, and a database that is still starting must not fail the silo.
/// </summary>
internal sealed class MigratedBeforeJoining(DatabaseReadiness readiness) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MigratedBeforeJoining), ServiceLifecycleStage.First, readiness.WhenMigrated);
}
