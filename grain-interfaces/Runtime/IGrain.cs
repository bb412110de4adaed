namespace MissionControl.Runtime;

/// <summary>
/// Marker for grain interfaces. Every method of a grain interface returns <see cref="Task"/> or
/// <see cref="Task{TResult}"/>; arguments and results should be immutable, because callers and
/// the grain share them in-process.
/// </summary>
public interface IGrain;

/// <summary>Hands out references to grains; a reference is cheap and activates nothing by itself.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrain;
}
