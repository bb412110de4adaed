using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Resilience;

namespace MissionControl.Fakes;

/// <summary>Client settings scaled down for tests against the fake gateway: short delays, budgets and timeouts.</summary>
public static class FastClientSettings
{
    public static readonly GatewayResilienceOptions Resilience = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        InteractiveBudget = TimeSpan.FromSeconds(5),
        TemplateSyncBudget = TimeSpan.FromSeconds(8),
        ConflictDelay = TimeSpan.FromMilliseconds(5),
        BreakerMinimumThroughput = 1000, // Off unless a test turns it on.
    };

    /// <summary>Options reaching <paramref name="gateway"/>; a fresh gateway id unless one is given.</summary>
    public static GatewayClientOptions Options(FakeGateway gateway, string? gatewayId = null) => new()
    {
        GatewayId = gatewayId ?? $"fake-{Guid.NewGuid():N}",
        Url = gateway.Url,
        Token = gateway.Token,
        RequestTimeout = TimeSpan.FromSeconds(2),
        ChallengeTimeout = TimeSpan.FromSeconds(2),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };
}
