using MissionControl.Runtime;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// One caller's append waiting for a group commit. Its task completes only after the transaction
/// holding its events has committed, or with the reason they were not written.
/// </summary>
internal sealed class PendingAppend(string streamId, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata)
{
    private readonly TaskCompletionSource<AppendResult> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
    public IReadOnlyList<object> Events { get; } = events;
    public EventMetadata Metadata { get; } = metadata;

    public Task<AppendResult> Completion => _done.Task;

    public void Succeed(AppendResult result) => _done.TrySetResult(result);

    public void Fail(Exception error) => _done.TrySetException(error);
}
