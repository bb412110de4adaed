using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace MissionControl.Grains.Agents;

// The agent's watches (provisioning, check-in, deletion) are durable Orleans reminders, so they
// fire on a surviving silo when the agent's silo dies. Orleans reminders repeat; these are meant
// to fire once, so each firing is unregistered after its handler ran, unless the handler armed
// it again. A handler that fails leaves the reminder in place: it fires again one period later,
// which makes the period the retry interval.
public sealed partial class AgentGrain : IRemindable
{
    public const string ProvisionWatch = "provision-watch";
    public const string CheckIn = "check-in";
    public const string DeletionWatch = "deletion-watch";

    private static readonly TimeSpan MinimumRecheck = TimeSpan.FromMilliseconds(100);

    // Handles of the reminders this activation armed, so cancelling needs no read first.
    private readonly Dictionary<string, IGrainReminder> _armed = new(StringComparer.Ordinal);

    // The gateway whose offline sweep this activation enlisted the agent with, if any.
    private Guid? _sweptBy;

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        _armed.TryGetValue(reminderName, out var firing);
        await (reminderName switch
        {
            ProvisionWatch => WatchProvisionAsync(),
            CheckIn => CheckInAsync(),
            DeletionWatch => FinishDeletionAsync(),
            _ => Task.CompletedTask,
        });
        var rearmed = _armed.TryGetValue(reminderName, out var now) && !ReferenceEquals(now, firing);
        if (!rearmed)
            await CancelAsync(reminderName);
    }

    public async Task Resume()
    {
        if (State is not { IsDeleted: false } agent)
            return;
        if (agent.IsDeleting)
            await RemindOnceAsync(DeletionWatch, TimeSpan.Zero);
        else if (agent.LastProvision is { IsInProgress: true })
            await RemindOnceAsync(ProvisionWatch, TimeSpan.Zero);
        else if (agent.CheckInDeadline is { } deadline)
            await RemindOnceAsync(CheckIn, Max(deadline - clock.GetUtcNow(), TimeSpan.Zero));
        await EnlistWithSweepAsync(agent);
    }

    public Task CheckLiveness() =>
        Execute(state => AgentDecider.Decide(state, new Agents.CheckLiveness(clock.GetUtcNow())
        {
            OfflineAfter = options.OfflineAfter,
        }));

    // A sweep stops once its gateway has no live agent, so an agent that leaves the live
    // statuses must enlist again when it comes back.
    private void ForgetSweepUnlessLive(AgentState? agent)
    {
        if (agent is null || !AgentStatus.CountsAsLive(agent.Status))
            _sweptBy = null;
    }

    /// <summary>
    /// After a liveness signal: makes sure the gateway's offline sweep watches this agent. A sweep
    /// stops only when its gateway has no live agent, so one that this activation enlisted with
    /// while the agent stayed live is still watching, and the heartbeat costs no call at all.
    /// </summary>
    private async Task AfterSeenAsync(IReadOnlyList<AgentEvent> events)
    {
        if (!events.Any(e => e is AgentHeartbeatRecorded) || State is not { } agent)
            return;
        // Checked in: the check-in watch has nothing left to do.
        if (agent.CheckInDeadline is null && _armed.ContainsKey(CheckIn))
            await CancelAsync(CheckIn);
        await EnlistWithSweepAsync(agent);
    }

    private async Task EnlistWithSweepAsync(AgentState agent)
    {
        if (_sweptBy == agent.GatewayId || !AgentStatus.CountsAsLive(agent.Status))
            return;
        try
        {
            await cluster.GetGrain<IOfflineSweepGrain>(agent.GatewayId.ToString()).Watch();
            _sweptBy = agent.GatewayId;
        }
        catch (TimeoutException ex)
        {
            // Not enlisted: the next heartbeat tries again. The heartbeat itself is recorded.
            logger.LogWarning(ex, "The offline sweep of gateway {GatewayId} did not answer in time", agent.GatewayId);
        }
    }

    /// <summary>Arms <paramref name="name"/> to fire once after <paramref name="due"/>, replacing an earlier arming.</summary>
    private async Task RemindOnceAsync(string name, TimeSpan due) =>
        _armed[name] = await this.RegisterOrUpdateReminder(name, due, RetryPeriod);

    private async Task CancelAsync(string name)
    {
        if (_armed.Remove(name, out var armed))
        {
            try
            {
                await this.UnregisterReminder(armed);
                return;
            }
            catch (ReminderException)
            {
                // The row changed since we armed it (a firing elsewhere re-armed it): cancel what it holds now.
            }
        }
        if (await this.GetReminder(name) is { } current)
            await this.UnregisterReminder(current);
    }

    // The shortest period the cluster allows: the delay before a failed handler runs again.
    private TimeSpan RetryPeriod => ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
