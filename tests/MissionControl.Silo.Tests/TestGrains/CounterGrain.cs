using MissionControl.Grains.Common;
using MissionControl.Runtime;
using Orleans;

namespace MissionControl.Silo.Tests.TestGrains;

[EventName("test.counter-incremented")]
public sealed record CounterIncremented(long NewValue, string CommandId);

public sealed record CounterState(long Value);

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one; the event carries the value it decided on, so a stale decision shows.</summary>
    Task<long> Increment(string commandId);

    /// <summary>Adds <paramref name="count"/> events in one append.</summary>
    Task<long> IncrementMany(int count);

    Task<long> GetValue();

    /// <summary>Adds one only when the value is already at least <paramref name="threshold"/>.</summary>
    Task<long> IncrementIfAtLeast(long threshold);

    Task<StateLoad> GetLoad();

    /// <summary>Ends this activation, so the next call loads the stream afresh.</summary>
    Task Deactivate();
}

[GrainType("counter")]
public sealed class CounterGrain : EventSourcedGrain<CounterState, CounterIncremented>, ICounterGrain
{
    protected override CounterState InitialState => new(0);

    protected override CounterState Apply(CounterState state, CounterIncremented e) => state with { Value = e.NewValue };

    public async Task<long> Increment(string commandId)
    {
        await Execute(state => [new CounterIncremented(state.Value + 1, commandId)]);
        return State.Value;
    }

    public async Task<long> IncrementMany(int count)
    {
        await Execute(state => Enumerable.Range(1, count)
            .Select(i => new CounterIncremented(state.Value + i, $"batch-{state.Value + i}"))
            .ToList());
        return State.Value;
    }

    public Task<long> GetValue() => Task.FromResult(State.Value);

    public async Task<long> IncrementIfAtLeast(long threshold)
    {
        await Execute(state => state.Value >= threshold
            ? [new CounterIncremented(state.Value + 1, $"if-{threshold}")]
            : []);
        return State.Value;
    }

    public Task<StateLoad> GetLoad() => Task.FromResult(LastLoad);

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
