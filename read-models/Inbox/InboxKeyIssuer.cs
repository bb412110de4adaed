using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Security;
using Orleans;

namespace MissionControl.ReadModels.Inbox;

/// <summary>Mints inbox keys and hashes presented ones with the server secret.</summary>
public sealed class InboxKeyIssuer(IGrainFactory grains, InboxKeySecret secret)
{
    /// <summary>
    /// Gives the agent a new key and returns it: the only time it exists in clear. The agent's
    /// stream records its hash, and the old key stops working when that event is projected.
    /// </summary>
    public async Task<string> IssueAsync(Guid agentId, CancellationToken ct = default)
    {
        var key = InboxKeys.Mint();
        await grains.GetGrain<IAgentGrain>(agentId.ToString()).IssueInboxKey(await HashAsync(key, ct));
        return key;
    }

    /// <summary>The stored form of <paramref name="key"/>.</summary>
    public async ValueTask<string> HashAsync(string key, CancellationToken ct = default) =>
        InboxKeys.Hash(await secret.GetAsync(ct), key);
}
