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
    /// <exception cref="ConfigurationException">A variable is set but invalid.</exception>
    public static ClusterSettings FromConfiguration(IConfiguration configuration)
    {
        var defaults = new ClusterSettings();
        var settings = new ClusterSettings
        {
            ClusterId = Name(configuration, "ORLEANS_CLUSTER_ID") ?? defaults.ClusterId,
            ServiceId = Name(configuration, "ORLEANS_SERVICE_ID") ?? defaults.ServiceId,
            SiloPort = Port(configuration, "ORLEANS_SILO_PORT") ?? defaults.SiloPort,
            GatewayPort = Port(configuration, "ORLEANS_GATEWAY_PORT") ?? defaults.GatewayPort,
            AdvertisedAddress = Address(configuration, "ORLEANS_ADVERTISED_IP") ?? defaults.AdvertisedAddress,
        };
        return settings.SiloPort == settings.GatewayPort
            ? throw new ConfigurationException("ORLEANS_GATEWAY_PORT", "must differ from ORLEANS_SILO_PORT")
            : settings;
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
