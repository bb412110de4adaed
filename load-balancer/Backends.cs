using Yarp.ReverseProxy.Configuration;

namespace MissionControl.LoadBalancer;

/// <summary>
/// The service processes behind the balancer: every request goes round-robin to one that is
/// ready. A process is left out once its <c>/readyz</c> fails twice in a row (checked every 2 s)
/// or requests to it fail at the transport, and taken back once it answers again.
/// </summary>
public static class Backends
{
    public const string Variable = "MC_BACKENDS";

    private const string ClusterId = "mission-control";

    public static readonly RouteConfig Route = new()
    {
        RouteId = "everything",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "{**path}" },
    };

    public static IReadOnlyList<Uri> Parse(string? value)
    {
        var urls = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
            throw new InvalidOperationException($"{Variable} must list the service processes' URLs, separated by commas.");
        return [.. urls.Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"{Variable}: '{url}' is not an http(s) URL."))];
    }

    /// <summary>
    /// A process that just went away fails every request sent to it; two such failures (rather
    /// than YARP's default of ten) take it out until its readiness check passes again.
    /// </summary>
    public static void LeaveOutFailingQuickly(Yarp.ReverseProxy.Health.TransportFailureRateHealthPolicyOptions options)
    {
        options.MinimalTotalCountThreshold = 2;
        options.DefaultFailureRateLimit = 0.5;
    }

    public static ClusterConfig Cluster(IReadOnlyList<Uri> backends) => new()
    {
        ClusterId = ClusterId,
        LoadBalancingPolicy = "RoundRobin",
        Destinations = backends.Select((uri, i) => (Name: $"silo-{i + 1}", Uri: uri))
            .ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Uri.ToString(), Health = d.Uri.ToString() }),
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = TimeSpan.FromSeconds(2),
                Timeout = TimeSpan.FromSeconds(2),
                Policy = "ConsecutiveFailures",
                Path = "/readyz",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = "TransportFailureRate",
                ReactivationPeriod = TimeSpan.FromSeconds(5),
            },
        },
        // Event streams (server-sent events) stay open for as long as the client listens.
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromMinutes(10) },
    };
}
