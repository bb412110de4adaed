using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Common;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Agents.Presence;

/// <summary>
/// One gateway's offline sweep. Its periodic reminder is the only reminder row silence costs: a
/// heartbeat writes none, and the count grows with gateways, not agents. Each firing finds the
/// silent agents in one query and asks each agent grain to judge itself (the agent decides its
/// own transition, so a heartbeat that landed meanwhile wins). With no live agent left on the
/// gateway, the sweep unregisters itself; an agent that comes back enlists it again.
/// </summary>
[GrainType("offline-sweep")]
public sealed class OfflineSweepGrain(ISilentAgents agents, AgentOptions options, TimeProvider clock, IGrainFactory grains)
    : Grain, IOfflineSweepGrain, IRemindable
{
    public const string ReminderName = "offline-sweep";

    // Agents read per page; a gateway with more silent agents is swept page by page.
    private const int Batch = 500;
    private const int Parallel = 32;

    private IGrainReminder? _reminder;

    private Guid GatewayId => EntityKey.Parse(this.GetPrimaryKeyString());

    public async Task Watch() =>
        _reminder ??= await this.RegisterOrUpdateReminder(ReminderName, options.OfflineSweepEvery, options.OfflineSweepEvery);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var cutoff = clock.GetUtcNow() - options.OfflineAfter;
        GatewaySilence silence;
        SilentAgent? after = null;
        do
        {
            silence = await agents.FindAsync(GatewayId, cutoff, after, Batch);
            await JudgeAsync(silence.Silent);
            after = silence.Silent.LastOrDefault();
        }
        while (silence.Silent.Count == Batch);
        if (!silence.AnyLive)
            await StopAsync();
    }

    private async Task JudgeAsync(IReadOnlyList<SilentAgent> silent)
    {
        foreach (var chunk in silent.Chunk(Parallel))
            await Task.WhenAll(chunk.Select(agent => grains.GetGrain<IAgentGrain>(agent.AgentId.ToString()).CheckLiveness()));
    }

    private async Task StopAsync()
    {
        if ((_reminder ?? await this.GetReminder(ReminderName)) is { } reminder)
            await this.UnregisterReminder(reminder);
        _reminder = null;
    }
}
