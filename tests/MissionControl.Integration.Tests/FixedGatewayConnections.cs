using MissionControl.Fakes;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Resilience;

namespace MissionControl.Integration.Tests;

/// <summary>Every gateway id resolves to one fake gateway, with short timeouts.</summary>
public sealed class FixedGatewayConnections(FakeGateway gateway) : IGatewayConnections
{
    public static readonly GatewayResilienceOptions FastResilience = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        InteractiveBudget = TimeSpan.FromSeconds(5),
        TemplateSyncBudget = TimeSpan.FromSeconds(8),
        ConflictDelay = TimeSpan.FromMilliseconds(5),
        BreakerMinimumThroughput = 1000,
    };

    public Task<GatewayClientOptions> ResolveAsync(string gatewayId, CancellationToken ct) =>
        Task.FromResult(new GatewayClientOptions
        {
            GatewayId = gatewayId,
            Url = gateway.Url,
            Token = gateway.Token,
            RequestTimeout = TimeSpan.FromSeconds(2),
            ChallengeTimeout = TimeSpan.FromSeconds(2),
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        });
}
