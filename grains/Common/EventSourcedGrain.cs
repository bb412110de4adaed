using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using Orleans;

namespace MissionControl.Grains.Common;

/// <summary>
/// An Orleans grain whose state is the fold of its event stream. It loads the stream on
/// activation (from the latest snapshot on); commands go through <see cref="Execute"/>: decide on
/// the state, append with the expected version, then apply. The cluster keeps one activation per
/// grain, so the state in memory is the stream's and a decision needs no read first; the expected
/// version still guards the stream should two activations ever meet (during a membership change).
/// </summary>
public abstract class EventSourcedGrain<TState, TEvent> : Grain
    where TState : class?
    where TEvent : class
{
    private IEventStore? _store;

    // Held from a decision to its events being folded. Grain calls never overlap, but work a
    // grain lets interleave with them (a provisioning run) may decide at their await points.
    private readonly SemaphoreSlim _deciding = new(1, 1);

    protected TState State { get; private set; } = default!;

    /// <summary>The version of the last event folded into <see cref="State"/> (0: none).</summary>
    protected long Version { get; private set; }

    /// <summary>How this activation loaded: which snapshot, and how many events it replayed.</summary>
    protected StateLoad LastLoad { get; private set; } = new(0, 0);

    /// <summary>The grain's key, which is also the tail of its stream id.</summary>
    protected string Key => this.GetPrimaryKeyString();

    protected abstract TState InitialState { get; }

    /// <summary>Folds one event into the state. Must not throw or do I/O: events are replayed.</summary>
    protected abstract TState Apply(TState state, TEvent @event);

    /// <summary>The stream type recorded with the stream: the grain's type name ("agent", "board", …).</summary>
    protected string StreamType => this.GetGrainId().Type.ToString()!;

    protected string StreamId => $"{StreamType}-{Key}";

    /// <summary>A snapshot is saved every this many events; 0 turns snapshots off.</summary>
    protected virtual int SnapshotEvery => 100;

    /// <summary>Bump when <typeparamref name="TState"/> changes shape, so older snapshots are ignored.</summary>
    protected virtual int SnapshotSchemaVersion => 1;

    /// <summary>How many times a decision is made when appends conflict before the conflict stands.</summary>
    protected virtual int DecideRounds => 3;

    private IEventStore Store => _store ??= ServiceProvider.GetRequiredService<IEventStore>();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var snapshot = SnapshotEvery > 0
            ? await Store.ReadSnapshotAsync<TState>(StreamId, SnapshotSchemaVersion, cancellationToken)
            : null;
        State = snapshot?.State ?? InitialState;
        Version = snapshot?.Version ?? 0;
        var replayed = await CatchUpAsync(cancellationToken);
        LastLoad = new StateLoad(snapshot?.Version ?? 0, replayed);
    }

    /// <summary>
    /// Decides events from the current state and appends them at the state's version. A refusal
    /// (the decision throws) or an empty decision stands as it is. A conflicting append means
    /// someone else wrote the stream: the grain folds what they wrote and decides again, so
    /// nothing they appended is lost or overwritten.
    /// </summary>
    protected async Task<IReadOnlyList<TEvent>> Execute(Func<TState, IReadOnlyList<TEvent>> decide, CancellationToken ct = default)
    {
        await _deciding.WaitAsync(ct);
        try
        {
            return await DecideAndAppendAsync(decide, ct);
        }
        finally
        {
            _deciding.Release();
        }
    }

    private async Task<IReadOnlyList<TEvent>> DecideAndAppendAsync(Func<TState, IReadOnlyList<TEvent>> decide, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            var events = decide(State);
            if (events.Count == 0)
                return events;
            try
            {
                var result = await Store.AppendAsync(StreamId, Version, events, CallContext.Metadata, ct);
                var before = Version;
                Fold(events, result.NewVersion);
                if (SnapshotEvery > 0 && Version / SnapshotEvery > before / SnapshotEvery)
                    await SaveSnapshotAsync(State, Version);
                return events;
            }
            catch (ConcurrencyException) when (round < DecideRounds)
            {
                await CatchUpAsync(ct);
            }
        }
    }

    /// <summary>Folds events in the stream past our version (written by someone else).</summary>
    private async Task<int> CatchUpAsync(CancellationToken ct)
    {
        var recorded = await Store.ReadStreamAsync(StreamId, Version, ct);
        foreach (var e in recorded)
        {
            State = Apply(State, (TEvent)e.Data);
            Version = e.StreamVersion;
        }
        return recorded.Count;
    }

    private void Fold(IReadOnlyList<TEvent> events, long newVersion)
    {
        foreach (var e in events)
            State = Apply(State, e);
        Version = newVersion;
    }

    // A snapshot is a cache: losing one costs a longer replay, never data, so failures are ignored.
    private async Task SaveSnapshotAsync(TState state, long version)
    {
        try
        {
            await Store.WriteSnapshotAsync(StreamId, SnapshotSchemaVersion, new Snapshot<TState>(version, state));
        }
        catch (Exception)
        {
            // Next activation replays from the previous snapshot instead.
        }
    }
}

/// <summary>How state was loaded: the snapshot version used (0: none) and the events replayed after it.</summary>
[GenerateSerializer]
[Alias("mc.state-load")]
public sealed record StateLoad(long SnapshotVersion, int EventsReplayed);
