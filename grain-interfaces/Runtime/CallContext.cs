namespace MissionControl.Runtime;

/// <summary>
/// Who asked for the work under way and which request it belongs to. It flows with the async
/// call chain (through grain calls too) and is stamped on every event appended meanwhile.
/// </summary>
public static class CallContext
{
    private static readonly AsyncLocal<EventMetadata?> Current = new();

    public static EventMetadata Metadata => Current.Value ?? EventMetadata.Empty;

    /// <summary>Sets the metadata until the returned scope is disposed.</summary>
    public static IDisposable Begin(string? causedBy, string? correlationId)
    {
        var previous = Current.Value;
        Current.Value = new EventMetadata(causedBy, correlationId ?? Guid.NewGuid().ToString("N"));
        return new Scope(previous);
    }

    private sealed class Scope(EventMetadata? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
