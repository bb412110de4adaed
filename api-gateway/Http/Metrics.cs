using MissionControl.OpenClaw.Diagnostics;
using MissionControl.Silo.EventStore;
using OpenTelemetry.Metrics;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// What an operator can scrape at <c>/metrics</c> (Prometheus text): HTTP requests, the silo's
/// Orleans figures (activations per grain type, reminder tardiness, messaging), the event store's
/// group commit, and calls to each gateway. The figures carry no secrets and no personal data, so
/// the endpoint is open like the health checks; keep the port inside the operator's network.
/// </summary>
public static class Metrics
{
    public static IServiceCollection AddMissionControlMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.Orleans", EventStoreMetrics.MeterName, GatewayCallMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapMissionControlMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
