using OrleansRequestContext = Orleans.Runtime.RequestContext;

namespace MissionControl.Runtime;

/// <summary>
/// Who asked for the work under way and which request it belongs to. It flows with the async
/// call chain, into grain calls too (Orleans carries it in the request context, where a plain
/// async-local value would stop at the grain), and is stamped on every event appended meanwhile.
/// </summary>
public static class CallContext
{
    private const string CausedByKey = "mc.caused-by";
    private const string CorrelationKey = "mc.correlation-id";

    public static EventMetadata Metadata =>
        OrleansRequestContext.Get(CorrelationKey) is string correlationId
            ? new EventMetadata(OrleansRequestContext.Get(CausedByKey) as string, correlationId)
            : EventMetadata.Empty;

    /// <summary>Sets the metadata until the returned scope is disposed.</summary>
    public static IDisposable Begin(string? causedBy, string? correlationId)
    {
        var previous = Metadata;
        Apply(new EventMetadata(causedBy, correlationId ?? Guid.NewGuid().ToString("N")));
        return new Scope(previous);
    }

    private static void Apply(EventMetadata metadata)
    {
        Put(CausedByKey, metadata.CausedBy);
        Put(CorrelationKey, metadata.CorrelationId);
    }

    private static void Put(string key, string? value)
    {
        if (value is null)
            OrleansRequestContext.Remove(key);
        else
            OrleansRequestContext.Set(key, value);
    }

    private sealed class Scope(EventMetadata previous) : IDisposable
    {
        public void Dispose() => Apply(previous);
    }
}
