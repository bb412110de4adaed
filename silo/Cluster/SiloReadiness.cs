using Orleans.Runtime;

namespace MissionControl.Silo.Cluster;

/// <summary>Whether this silo is an active member of the cluster, as its own membership view says.</summary>
public sealed class SiloReadiness(ILocalSiloDetails silo, IClusterMembershipService membership)
{
    public SiloAddress Address => silo.SiloAddress;

    public bool IsActive =>
        membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active;
}
