namespace MissionControl.Runtime;

/// <summary>
/// A lock held across every silo sharing the database, released on dispose or when the holder's
/// process dies. For work that must never run twice at once, such as patching one gateway's config.
/// </summary>
public interface IDistributedLock
{
    Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken ct = default);
}
