namespace MissionControl.Runtime;

/// <summary>Who caused an event and which request it belongs to.</summary>
public sealed record EventMetadata(string? CausedBy, string? CorrelationId)
{
    public static readonly EventMetadata Empty = new(null, null);
}

/// <summary>An event as stored: its place in its stream and in the global order.</summary>
public sealed record RecordedEvent(
    long Sequence,
    string StreamId,
    long StreamVersion,
    string EventName,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt);

/// <summary>One page of a stream, and the stream's length.</summary>
public sealed record StreamPage(IReadOnlyList<RecordedEvent> Events, long Total);

/// <summary>The outcome of an append: the stream's new version and the events' global sequence numbers.</summary>
public sealed record AppendResult(long NewVersion, IReadOnlyList<long> Sequences);

/// <summary>A state saved at a stream version so loading need not replay the whole stream.</summary>
public sealed record Snapshot<TState>(long Version, TState State);

/// <summary>
/// Raised when an append's expected version is not the stream's current version: someone else
/// wrote first. Callers reload and decide again, or surface it as a conflict (HTTP 409).
/// </summary>
public sealed class ConcurrencyException(string streamId, long expectedVersion, long actualVersion)
    : Exception($"Stream '{streamId}' is at version {actualVersion}, not the expected {expectedVersion}.")
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
    public long ActualVersion { get; } = actualVersion;
}

/// <summary>
/// Append-only streams of events with optimistic concurrency. Version 0 means "no events yet".
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends events if the stream is at <paramref name="expectedVersion"/>, else throws
    /// <see cref="ConcurrencyException"/>. Inline projections run in the same transaction.
    /// </summary>
    Task<AppendResult> AppendAsync(
        string streamId, long expectedVersion,
        IReadOnlyList<object> events, EventMetadata metadata, CancellationToken ct = default);

    /// <summary>The stream's events with a version above <paramref name="afterVersion"/>, in order.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long afterVersion, CancellationToken ct = default);

    /// <summary>
    /// At most <paramref name="limit"/> of the stream's events from the one after the first
    /// <paramref name="skip"/>, in order, and how many the stream holds (its version).
    /// </summary>
    Task<StreamPage> ReadStreamPageAsync(string streamId, long skip, int limit, CancellationToken ct = default);

    /// <summary>The latest snapshot saved with <paramref name="schemaVersion"/>, if any.</summary>
    Task<Snapshot<TState>?> ReadSnapshotAsync<TState>(string streamId, int schemaVersion, CancellationToken ct = default);

    /// <summary>Saves a snapshot unless a newer one is already stored.</summary>
    Task WriteSnapshotAsync<TState>(string streamId, int schemaVersion, Snapshot<TState> snapshot, CancellationToken ct = default);
}
