using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.Silo.Cluster;
using Orleans.Configuration;

namespace MissionControl.ApiGateway.Apis.Service;

/// <summary>What the service is made of: its version and the silos of its cluster (<c>/api/v1/system/status</c>).</summary>
public static class SystemApi
{
    private static readonly string Version =
        typeof(SystemApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static IEndpointRouteBuilder MapSystemApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/system").RequireUser().WithTags("system")
            .MapGet("/status", Status).WithName("GetSystemStatus");
        return app;
    }

    /// <summary>For organization owners and admins: every silo the membership table lists, dead ones included.</summary>
    public static async Task<Ok<SystemStatusRead>> Status(
        UserSession session, ClusterMembers members, SiloReadiness silo, IOptions<ClusterOptions> cluster, CancellationToken ct)
    {
        session.RequireAdmin();
        var silos = await members.ListAsync(ct);
        return TypedResults.Ok(new SystemStatusRead(
            Version, cluster.Value.ClusterId, cluster.Value.ServiceId, silo.Address.ToParsableString(),
            silos.Select(SiloRead.From).ToList()));
    }
}
