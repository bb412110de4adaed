using MissionControl.Runtime;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// One caller's append waiting for a group commit, already serialized. Its task completes only
/// after the transaction holding its events has committed, or with the reason they were not written.
/// </summary>
internal sealed class PendingAppend(
    string streamId, string streamType, long expectedVersion, IReadOnlyList<object> events,
    string[] eventNames, string[] eventData, EventMetadata metadata, string metadataJson)
{
    private readonly TaskCompletionSource<AppendResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string StreamId { get; } = streamId;
    public string StreamType { get; } = streamType;
    public long ExpectedVersion { get; } = expectedVersion;
    public IReadOnlyList<object> Events { get; } = events;
    public string[] EventNames { get; } = eventNames;
    public string[] EventData { get; } = eventData;
    public EventMetadata Metadata { get; } = metadata;
    public string MetadataJson { get; } = metadataJson;

    public Task<AppendResult> Completion => _done.Task;

    /// <summary>Settles the caller with a result, or with the exception that is its outcome.</summary>
    public void Settle(object outcome)
    {
        if (outcome is AppendResult result)
            _done.TrySetResult(result);
        else
            _done.TrySetException((Exception)outcome);
    }

    public void Fail(Exception error) => _done.TrySetException(error);
}
