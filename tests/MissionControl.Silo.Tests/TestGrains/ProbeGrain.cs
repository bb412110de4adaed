using MissionControl.Runtime;

namespace MissionControl.Silo.Tests.TestGrains;

public interface IProbeGrain : IGrain
{
    Task Schedule(string reminder, TimeSpan dueTime, TimeSpan? period);

    Task Cancel(string reminder);

    /// <summary>Takes a while, reporting how many calls overlap.</summary>
    Task Work(TimeSpan duration);

    Task<string> Echo(string text);

    /// <summary>Calls another probe grain.</summary>
    Task<string> Relay(string otherKey, string text);

    /// <summary>Calls this very grain through a reference: it must wait for its own turn.</summary>
    Task CallSelf();

    Task StartTicking(TimeSpan period);

    Task<int> GetTicks();
}

public sealed class ProbeGrain(Probe probe) : Grain, IProbeGrain, IRemindable
{
    private int _ticks;

    protected override Task OnActivateAsync(CancellationToken ct)
    {
        if (probe.ActivationFailuresLeft.TryGetValue(Key, out var left) && left > 0)
        {
            probe.ActivationFailuresLeft[Key] = left - 1;
            throw new InvalidOperationException("activation failure injected by the test");
        }
        return Task.CompletedTask;
    }

    protected override Task OnDeactivateAsync(CancellationToken ct)
    {
        probe.Deactivated.Enqueue(Key);
        return Task.CompletedTask;
    }

    public Task Schedule(string reminder, TimeSpan dueTime, TimeSpan? period) =>
        RegisterOrUpdateReminder(reminder, dueTime, period);

    public Task Cancel(string reminder) => UnregisterReminder(reminder);

    public async Task ReceiveReminder(string reminderName, ReminderTick tick)
    {
        var first = probe.Deliveries.IsEmpty;
        probe.Deliveries.Enqueue(new Delivery(Context.SiloId, Key, reminderName, tick.Attempt));
        if (first && probe.HoldFirstDelivery is { } gate)
            await gate.Task;
    }

    public async Task Work(TimeSpan duration)
    {
        probe.EnterCall();
        try
        {
            await Task.Delay(duration);
        }
        finally
        {
            probe.LeaveCall();
        }
    }

    public Task<string> Echo(string text) => Task.FromResult($"{Key}:{text}");

    public Task<string> Relay(string otherKey, string text) => GrainFactory.GetGrain<IProbeGrain>(otherKey).Echo(text);

    public Task CallSelf() => GrainFactory.GetGrain<IProbeGrain>(Key).Echo("self");

    public Task StartTicking(TimeSpan period)
    {
        RegisterTimer(_ =>
        {
            _ticks++;
            return Task.CompletedTask;
        }, period, period);
        return Task.CompletedTask;
    }

    public Task<int> GetTicks() => Task.FromResult(_ticks);
}
