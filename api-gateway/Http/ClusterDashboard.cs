using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// The Orleans dashboard at <c>/cluster-dashboard/</c>: silos, grain activations and call rates,
/// reminders, for the cluster's operator only (<see cref="ClusterDashboardHandler"/>). Served only
/// when CLUSTER_DASHBOARD_TOKEN is set. Its profiler times grain calls only while someone has the
/// dashboard open (it switches itself off a minute after the last look), but it reads every
/// Orleans metric each second whether watched or not.
/// </summary>
public static class ClusterDashboard
{
    public const string Path = "/cluster-dashboard";

    public static ISiloBuilder AddMissionControlClusterDashboard(this ISiloBuilder silo, ServiceSettings settings)
    {
        if (settings.ClusterDashboardToken is not null)
            silo.AddDashboard();
        return silo;
    }

    public static IEndpointRouteBuilder MapMissionControlClusterDashboard(this IEndpointRouteBuilder app, ServiceSettings settings)
    {
        if (settings.ClusterDashboardToken is not null)
            app.MapOrleansDashboard(Path).RequireClusterOperator().ExcludeFromDescription();
        return app;
    }
}
