using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionControl.Runtime;

namespace MissionControl.Silo.Runtime;

/// <summary>
/// The activations of this silo: at most one per grain, created on first call, retired when
/// idle. Other silos may hold their own activation of the same grain; the event store's
/// expected-version appends keep them honest.
/// </summary>
public sealed class GrainRuntime(
    GrainTypeRegistry types,
    SiloOptions options,
    SiloLifetime lifetime,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<GrainRuntime> logger)
{
    private readonly ConcurrentDictionary<GrainId, Lazy<Task<GrainActivation>>> _activations = new();

    public int ActivationCount => _activations.Count;

    public Task InvokeAsync(GrainId id, Func<object, Task> call) =>
        InvokeAsync<bool>(id, async grain =>
        {
            await call(grain);
            return true;
        });

    public async Task<T> InvokeAsync<T>(GrainId id, Func<object, Task<T>> call)
    {
        while (true)
        {
            lifetime.ThrowIfDead();
            var activation = await GetOrActivateAsync(id);
            var (ran, result) = await activation.RunCallAsync(grain => call(grain), options.TurnTimeout);
            if (ran)
                return result;
            // The activation was retired while we queued for it; the next loop makes a fresh one.
        }
    }

    /// <summary>Retires activations unused for longer than the idle timeout.</summary>
    public async Task<int> CollectIdleAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.IdleTimeout;
        var retired = 0;
        foreach (var entry in _activations)
        {
            if (!entry.Value.IsValueCreated || !entry.Value.Value.IsCompletedSuccessfully)
                continue;
            var activation = entry.Value.Value.Result;
            if (activation.LastUsed > cutoff || !await TryRetireAsync(activation, ct))
                continue;
            _activations.TryRemove(entry);
            retired++;
        }
        return retired;
    }

    /// <summary>Drops every activation without deactivation code, as when the process dies.</summary>
    public void AbandonAll()
    {
        foreach (var entry in _activations)
        {
            if (entry.Value.IsValueCreated && entry.Value.Value.IsCompletedSuccessfully)
                entry.Value.Value.Result.Abandon();
        }
        _activations.Clear();
    }

    private async Task<bool> TryRetireAsync(GrainActivation activation, CancellationToken ct)
    {
        try
        {
            return await activation.TryDeactivateAsync(ct);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Grain {GrainId} failed while deactivating", activation.Id);
            return true;
        }
    }

    private async Task<GrainActivation> GetOrActivateAsync(GrainId id)
    {
        var lazy = _activations.GetOrAdd(id, key => new Lazy<Task<GrainActivation>>(() => ActivateAsync(key)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed activation (database down, say) must not stick: the next call tries again.
            _activations.TryRemove(new KeyValuePair<GrainId, Lazy<Task<GrainActivation>>>(id, lazy));
            throw;
        }
    }

    private async Task<GrainActivation> ActivateAsync(GrainId id)
    {
        var registration = types.ForTypeName(id.Type);
        var instance = (IGrainLifecycle)ActivatorUtilities.CreateInstance(services, registration.Implementation);
        var context = new GrainContext(
            id, options, services.GetRequiredService<IGrainFactory>(),
            services.GetRequiredService<IReminderRegistry>(), services, lifetime);
        instance.Attach(context);
        var activation = new GrainActivation(id, instance, clock);
        context.Activation = activation;
        await instance.OnActivateAsync(lifetime.Killed);
        return activation;
    }
}
