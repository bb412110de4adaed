namespace MissionControl.Grains.Agents.Presence;

/// <summary>Which agents of a gateway have gone quiet, as the read model (written with every append) says.</summary>
public interface ISilentAgents
{
    /// <summary>
    /// Live agents of <paramref name="gatewayId"/> last seen before <paramref name="seenBefore"/>,
    /// longest silent first, starting after <paramref name="after"/> (the last of the previous
    /// page), at most <paramref name="limit"/>; and whether the gateway has any live agent at all.
    /// </summary>
    Task<GatewaySilence> FindAsync(
        Guid gatewayId, DateTimeOffset seenBefore, SilentAgent? after, int limit, CancellationToken ct = default);
}

/// <summary>An agent of the sweep's page, and when it was last seen (the page's order).</summary>
public sealed record SilentAgent(Guid AgentId, DateTimeOffset LastSeenAt);

/// <param name="Silent">Live agents silent past the cutoff.</param>
/// <param name="AnyLive">False when the gateway has no live agent, so there is nothing to watch.</param>
public sealed record GatewaySilence(IReadOnlyList<SilentAgent> Silent, bool AnyLive);
