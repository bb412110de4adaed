using System.Globalization;
using System.Net;
using MissionControl.Silo.Cluster;

namespace MissionControl.ApiGateway.Configuration;

/// <summary>
/// The silo's place in the Orleans cluster from the environment: ORLEANS_CLUSTER_ID,
/// ORLEANS_SERVICE_ID, ORLEANS_SILO_PORT, ORLEANS_GATEWAY_PORT and ORLEANS_ADVERTISED_IP. Every one
/// has a default that suits a single process on one machine.
/// </summary>
public static class ClusterConfiguration
{
    /// <exception cref="ConfigurationException">Variables are set but invalid; it names every one.</exception>
    public static ClusterSettings FromConfiguration(IConfiguration configuration)
    {
        var defaults = new ClusterSettings();
        var problems = new ConfigurationProblems();
        var settings = new ClusterSettings
        {
            ClusterId = problems.Read(() => Name(configuration, "ORLEANS_CLUSTER_ID"), null) ?? defaults.ClusterId,
            ServiceId = problems.Read(() => Name(configuration, "ORLEANS_SERVICE_ID"), null) ?? defaults.ServiceId,
            SiloPort = problems.Read(() => Port(configuration, "ORLEANS_SILO_PORT"), null) ?? defaults.SiloPort,
            GatewayPort = problems.Read(() => Port(configuration, "ORLEANS_GATEWAY_PORT"), null) ?? defaults.GatewayPort,
            AdvertisedAddress = problems.Read(() => Address(configuration, "ORLEANS_ADVERTISED_IP"), null) ?? defaults.AdvertisedAddress,
        };
        if (settings.SiloPort == settings.GatewayPort)
            problems.Add("ORLEANS_GATEWAY_PORT", "must differ from ORLEANS_SILO_PORT");
        problems.ThrowIfAny();
        return settings;
    }

    private static string? Name(IConfiguration configuration, string key)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        return value.Length <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : throw new ConfigurationException(key, "must be at most 100 letters, digits, '-', '_' or '.'");
    }

    private static int? Port(IConfiguration configuration, string key)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new ConfigurationException(key, "must be a port number from 1 to 65535");
    }

    private static IPAddress? Address(IConfiguration configuration, string key)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        return IPAddress.TryParse(value, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any)
            ? address
            : throw new ConfigurationException(key, "must be the IP address other silos reach this one on (not 0.0.0.0)");
    }
}
