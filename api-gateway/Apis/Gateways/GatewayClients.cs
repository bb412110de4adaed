using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Operations;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>
/// The gateway client as endpoints need it: the shared connection of a registered gateway, or a
/// one-off connection for settings that are not saved (yet). Take it as a handler parameter.
/// </summary>
public sealed class GatewayClients(GatewayClientPool pool, IGatewayConnections connections, GatewayProbe probe)
{
    /// <summary>The control plane of a registered gateway, with the settings its grain holds now.</summary>
    public async Task<IGatewayControlPlane> OfAsync(Guid gatewayId, CancellationToken ct) =>
        pool.ControlPlane(await connections.ResolveAsync(gatewayId.ToString(), ct));

    /// <summary>Runs <paramref name="work"/> on a connection of its own with settings that are not saved.</summary>
    public Task<T> OneOffAsync<T>(GatewayConnectionDetails settings, Func<IGatewayControlPlane, Task<T>> work) =>
        probe.RunAsync(GrainGatewayConnections.ToOptions(settings), work);

    /// <summary>Minimal-API binding hook.</summary>
    public static ValueTask<GatewayClients?> BindAsync(HttpContext context)
    {
        var services = context.RequestServices;
        return ValueTask.FromResult<GatewayClients?>(new GatewayClients(
            services.GetRequiredService<GatewayClientPool>(), services.GetRequiredService<IGatewayConnections>(),
            services.GetRequiredService<GatewayProbe>()));
    }
}
