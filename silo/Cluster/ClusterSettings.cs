using System.Net;

namespace MissionControl.Silo.Cluster;

/// <summary>
/// Where a silo stands in the Orleans cluster: which cluster it joins (silos with the same ids on
/// the same database form one) and the address and ports other silos and clients reach it on.
/// The defaults suit one process on one machine.
/// </summary>
public sealed record ClusterSettings
{
    public const string DefaultId = "mission-control";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    /// <summary>Silos with the same cluster id on one database form one cluster.</summary>
    public string ClusterId { get; init; } = DefaultId;

    /// <summary>Names the service's durable data (reminders, grain state); it outlives redeployments.</summary>
    public string ServiceId { get; init; } = DefaultId;

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; init; } = DefaultSiloPort;

    /// <summary>The port cluster clients connect to.</summary>
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>The address this silo tells the others to reach it on.</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;
}
