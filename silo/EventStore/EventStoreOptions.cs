namespace MissionControl.Silo.EventStore;

/// <summary>Tunables of the event store's group commit. Defaults suit production.</summary>
public sealed class EventStoreOptions
{
    /// <summary>
    /// Transactions the event store writes at once. Appends that arrive while they are busy
    /// queue up and share the next one (group commit).
    /// </summary>
    public int AppendWriters { get; set; } = 4;

    /// <summary>Appends one transaction carries at most.</summary>
    public int MaxAppendBatch { get; set; } = 200;
}
