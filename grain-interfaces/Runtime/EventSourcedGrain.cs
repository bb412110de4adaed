using Microsoft.Extensions.DependencyInjection;

namespace MissionControl.Runtime;

/// <summary>
/// A grain whose state is the fold of its event stream. Commands go through
/// <see cref="Execute"/>: decide on the current state, append with the expected version, then
/// apply. In-memory state is only a cache of the stream; the stream is the truth.
/// </summary>
public abstract class EventSourcedGrain<TState, TEvent> : Grain
    where TState : class?
    where TEvent : class
{
    private IEventStore? _store;

    protected TState State { get; private set; } = default!;

    /// <summary>The version of the last event folded into <see cref="State"/> (0: none).</summary>
    protected long Version { get; private set; }

    /// <summary>How the last activation loaded: which snapshot, and how many events it replayed.</summary>
    protected StateLoad LastLoad { get; private set; } = new(0, 0);

    protected abstract TState InitialState { get; }

    /// <summary>Folds one event into the state. Must not throw or do I/O: events are replayed.</summary>
    protected abstract TState Apply(TState state, TEvent @event);

    /// <summary>The stream type recorded with the stream; by default the grain's type name.</summary>
    protected virtual string StreamType => Context.Id.Type;

    protected virtual string StreamId => $"{StreamType}-{Key}";

    /// <summary>A snapshot is saved every this many events; 0 turns snapshots off.</summary>
    protected virtual int SnapshotEvery => 100;

    /// <summary>Bump when <typeparamref name="TState"/> changes shape, so older snapshots are ignored.</summary>
    protected virtual int SnapshotSchemaVersion => 1;

    private IEventStore Store => _store ??= Context.Services.GetRequiredService<IEventStore>();

    protected override async Task OnActivateAsync(CancellationToken ct)
    {
        var snapshot = SnapshotEvery > 0
            ? await Store.ReadSnapshotAsync<TState>(StreamId, SnapshotSchemaVersion, ct)
            : null;
        State = snapshot?.State ?? InitialState;
        Version = snapshot?.Version ?? 0;
        var replayed = await CatchUpAsync(ct);
        LastLoad = new StateLoad(snapshot?.Version ?? 0, replayed);
    }

    /// <summary>How many times a decision is made before a conflict or a refusal stands.</summary>
    protected virtual int DecideRounds => 3;

    /// <summary>
    /// Decides events from the current state and appends them. The cached state may be stale
    /// (another silo wrote since this activation loaded), so nothing it says is believed until
    /// the stream confirms it: a conflicting append is decided again on the writers' result, a
    /// refusal (the decision throws) or an empty decision stands only once catching up finds
    /// no newer events. Every round decides afresh, so nothing another writer appended is lost.
    /// </summary>
    protected async Task<IReadOnlyList<TEvent>> Execute(Func<TState, IReadOnlyList<TEvent>> decide, CancellationToken ct = default)
    {
        for (var round = 1; ; round++)
        {
            IReadOnlyList<TEvent> events;
            try
            {
                events = decide(State);
            }
            catch (Exception) when (round < DecideRounds)
            {
                if (await CatchUpAsync(ct) == 0)
                    throw;
                continue;
            }
            if (events.Count == 0)
            {
                // "Nothing to do" meets no version check, so it must not rest on stale state.
                if (round < DecideRounds && await CatchUpAsync(ct) > 0)
                    continue;
                return events;
            }
            try
            {
                var result = await Store.AppendAsync(StreamId, StreamType, Version, events, CallContext.Metadata, ct);
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

    /// <summary>Folds events written by others (another silo, say) since our version.</summary>
    protected async Task<int> CatchUpAsync(CancellationToken ct = default)
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
public sealed record StateLoad(long SnapshotVersion, int EventsReplayed);
