using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionControl.Grains.Gateways.Config;

namespace MissionControl.Grains;

/// <summary>
/// Services the gateway, board, organization and task grains need from the host. The grains
/// themselves are registered with the silo (this project does not reference it):
/// <c>AddGrain&lt;IGatewayGrain, GatewayGrain&gt;()</c>, <c>AddGrain&lt;IBoardGrain, BoardGrain&gt;()</c>,
/// <c>AddGrain&lt;IOrganizationGrain, OrganizationGrain&gt;()</c>, <c>AddGrain&lt;ITaskGrain, TaskGrain&gt;()</c>
/// and <c>AddEventsFrom(typeof(EntityGrains).Assembly)</c>.
/// </summary>
public static class EntityGrains
{
    /// <summary>
    /// Adds the clock and resolves gateway connections through the gateway grains, unless the
    /// host has already registered either (tests point connections at a fake gateway that way).
    /// </summary>
    public static IServiceCollection AddEntityGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGatewayConnections, GrainGatewayConnections>();
        return services;
    }
}
