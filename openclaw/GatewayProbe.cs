using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Resilience;

namespace MissionControl.OpenClaw;

/// <summary>
/// One-off connections to a gateway that is not registered (yet), or with settings it does not
/// have yet: checking a gateway before it is saved, or looking at one by URL. Each run opens its
/// own connection and closes it afterwards, so such settings never enter the shared
/// <see cref="GatewayClientPool"/>. A person is waiting, so the retry budget is kept short.
/// </summary>
public sealed class GatewayProbe(IDeviceIdentityStore identityStore, GatewayResilienceOptions? resilienceOptions = null)
{
    /// <summary>The longest a probe keeps retrying a gateway that does not answer.</summary>
    public static readonly TimeSpan MaxBudget = TimeSpan.FromSeconds(10);

    private readonly GatewayResilienceOptions _resilience = Shorten(resilienceOptions ?? new GatewayResilienceOptions());

    /// <summary>Connects with <paramref name="options"/> (running the handshake's version checks) and answers <c>health</c>.</summary>
    public Task<GatewayHealth> CheckAsync(GatewayClientOptions options, CancellationToken ct = default) =>
        RunAsync(options, control => control.HealthAsync(ct));

    /// <summary>Runs <paramref name="work"/> on a connection of its own, closed when it is done.</summary>
    public async Task<T> RunAsync<T>(GatewayClientOptions options, Func<IGatewayControlPlane, Task<T>> work)
    {
        await using var client = new GatewayRpcClient(options, identityStore);
        var control = new GatewayControlPlane(client, new GatewayResilience(options.GatewayId, _resilience));
        return await work(control);
    }

    private static GatewayResilienceOptions Shorten(GatewayResilienceOptions options) =>
        options.InteractiveBudget <= MaxBudget ? options : options with { InteractiveBudget = MaxBudget };
}
