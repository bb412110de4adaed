using System.Collections.Concurrent;

namespace MissionControl.Silo.Tests.TestGrains;

/// <summary>One reminder delivery as a test grain saw it.</summary>
public sealed record Delivery(string SiloId, string GrainKey, string Reminder, int Attempt);

/// <summary>
/// Shared by every silo of a test cluster (registered as one instance), so tests can see what
/// grains did wherever they ran.
/// </summary>
public sealed class Probe
{
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public ConcurrentQueue<string> Deactivated { get; } = new();

    public ConcurrentDictionary<string, int> ActivationFailuresLeft { get; } = new();

    /// <summary>When set, the first delivery waits on this gate (which a test may never open).</summary>
    public TaskCompletionSource? HoldFirstDelivery { get; set; }

    private int _concurrentCalls;

    public int MaxConcurrentCalls { get; private set; }

    public void EnterCall()
    {
        var now = Interlocked.Increment(ref _concurrentCalls);
        lock (this)
            MaxConcurrentCalls = Math.Max(MaxConcurrentCalls, now);
    }

    public void LeaveCall() => Interlocked.Decrement(ref _concurrentCalls);
}
