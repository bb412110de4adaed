namespace MissionControl.Grains.Agents;

/// <summary>Tunables of agent grains (OFFLINE_AFTER and friends).</summary>
public sealed class AgentOptions
{
    /// <summary>An agent silent this long is marked offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = AgentDefaults.OfflineAfter;
}
