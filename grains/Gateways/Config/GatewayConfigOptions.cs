namespace MissionControl.Grains.Gateways.Config;

/// <summary>Tunables of the gateway config grain.</summary>
public sealed class GatewayConfigOptions
{
    /// <summary>
    /// How long a first queued write waits for company before its round starts. Short, because a
    /// user may be waiting; long enough that a burst of provisioning lands in one round.
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Longest a round steps aside for agent creations queued on the gateway's connection (on the
    /// grain's silo); a user waits for the round, so it is bounded.
    /// </summary>
    public TimeSpan MaxDeferral { get; set; } = TimeSpan.FromSeconds(10);
}
