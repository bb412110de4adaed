namespace MissionControl.Grains.Gateways.Config;

/// <summary>Tunables of the gateway config grain.</summary>
public sealed class GatewayConfigOptions
{
    /// <summary>
    /// How long a first queued write waits for company before its round starts. Short, because a
    /// user may be waiting; long enough that a burst of provisioning lands in one round.
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(50);
}
