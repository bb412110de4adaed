using MissionControl.Silo.Cluster;

namespace MissionControl.ApiGateway.Apis.Service;

/// <summary>The cluster as the membership table records it, and which silo answered.</summary>
public sealed record SystemStatusRead(
    string Version,
    string ClusterId,
    string ServiceId,
    string AnsweredBy,
    IReadOnlyList<SiloRead> Silos);

/// <summary>One silo incarnation: a restarted process is a new generation, and its old row stays dead.</summary>
public sealed record SiloRead(
    string Address,
    int SiloPort,
    int? GatewayPort,
    int Generation,
    string Name,
    string HostName,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeatAt,
    IReadOnlyList<string> SuspectedBy)
{
    public static SiloRead From(SiloMembership silo) => new(
        silo.Address, silo.Port, silo.GatewayPort, silo.Generation, silo.SiloName, silo.HostName, silo.Status,
        silo.StartedAt, silo.LastHeartbeatAt, silo.SuspectedBy);
}
