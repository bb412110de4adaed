using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Protocol;
using MissionControl.OpenClaw.Resilience;

namespace MissionControl.OpenClaw.Heartbeats;

/// <summary>
/// Applies a batch of per-agent heartbeat settings in one <c>config.get</c> + <c>config.patch</c>
/// round. A stale <c>baseHash</c> (someone else wrote in between) makes the round start over from
/// a fresh <c>config.get</c>, so no entry of the batch and no concurrent write is lost. Callers that
/// coalesce requests should hand over one batch per round; the gateway limits config writes to 30 a
/// minute per connection.
/// </summary>
public sealed class HeartbeatConfigPatcher
{
    private readonly IGatewayRpc _rpc;
    private readonly GatewayResilience _resilience;
    private readonly GatewayOperationKind _kind;

    /// <summary>Creates a patcher for one gateway.</summary>
    public HeartbeatConfigPatcher(IGatewayRpc rpc, GatewayResilience resilience, GatewayOperationKind kind = GatewayOperationKind.Interactive)
    {
        _rpc = rpc;
        _resilience = resilience;
        _kind = kind;
    }

    /// <summary>Whether to fill in missing channel heartbeat-visibility defaults (quiet OK acks).</summary>
    public bool EnsureChannelVisibility { get; init; } = true;

    /// <summary>
    /// Makes every entry of <paramref name="batch"/> true on the gateway. When an agent appears more
    /// than once, the last entry wins. Returns without writing when the config already matches.
    /// </summary>
    public async Task<HeartbeatPatchResult> ApplyAsync(IReadOnlyCollection<AgentHeartbeat> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var entries = LastPerAgent(batch);
        if (entries.Count == 0)
            return new HeartbeatPatchResult(false, null, [], 0);
        var rounds = 0;
        // One config write at a time through this connection (see ConfigWrites); waiting for the
        // turn is not charged to the retry budget, which is for the gateway's failures.
        var result = await ConfigWrites.OneAtATimeAsync(_rpc, () => _resilience.ExecuteAsync(_kind, token =>
        {
            rounds++;
            return RoundAsync(entries, token);
        }, cancellationToken), cancellationToken);
        return result with { Rounds = rounds };
    }

    private async Task<HeartbeatPatchResult> RoundAsync(IReadOnlyCollection<AgentHeartbeat> entries, CancellationToken token)
    {
        var snapshot = PayloadReaders.Config(await _rpc.CallAsync("config.get", cancellationToken: token));
        var shape = HeartbeatPatchBuilder.DetectShape(snapshot.Parsed, snapshot.Effective, _rpc.ServerInfo?.Protocol);
        var patch = HeartbeatPatchBuilder.Build(snapshot.Parsed, snapshot.Effective, entries, shape, EnsureChannelVisibility);
        if (patch is null)
            return new HeartbeatPatchResult(false, snapshot.Hash, [], 0);

        var parameters = new ConfigPatchParams(patch.ToJsonString(), snapshot.Hash);
        var response = await _rpc.CallAsync("config.patch", parameters, cancellationToken: token);
        return new HeartbeatPatchResult(
            Patched: true,
            Hash: JsonRead.String(response, "hash"),
            ChangedPaths: JsonRead.Strings(response, "changedPaths"),
            Rounds: 0);
    }

    private static List<AgentHeartbeat> LastPerAgent(IEnumerable<AgentHeartbeat> batch)
    {
        var byAgent = new Dictionary<string, AgentHeartbeat>(StringComparer.Ordinal);
        foreach (var entry in batch)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(entry.AgentId);
            byAgent[entry.AgentId] = entry;
        }

        return [.. byAgent.Values];
    }
}
