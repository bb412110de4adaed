namespace MissionControl.Runtime;

/// <summary>
/// Base class for grain implementations. Calls into one activation run one at a time, so a
/// grain's fields need no locks; a grain must not call itself through a reference (that waits
/// for its own turn).
/// </summary>
public abstract class Grain : IGrainLifecycle
{
    private IGrainContext? _context;

    protected IGrainContext Context =>
        _context ?? throw new InvalidOperationException("The grain has not been activated by a silo.");

    protected string Key => Context.Id.Key;

    protected IGrainFactory GrainFactory => Context.GrainFactory;

    void IGrainLifecycle.Attach(IGrainContext context) => _context = context;

    Task IGrainLifecycle.OnActivateAsync(CancellationToken ct) => OnActivateAsync(ct);

    Task IGrainLifecycle.OnDeactivateAsync(CancellationToken ct) => OnDeactivateAsync(ct);

    protected virtual Task OnActivateAsync(CancellationToken ct) => Task.CompletedTask;

    protected virtual Task OnDeactivateAsync(CancellationToken ct) => Task.CompletedTask;

    protected Task RegisterOrUpdateReminder(string name, TimeSpan dueTime, TimeSpan? period = null) =>
        Context.Reminders.RegisterOrUpdateAsync(Context.Id, name, dueTime, period);

    protected Task UnregisterReminder(string name) => Context.Reminders.UnregisterAsync(Context.Id, name);

    protected IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.RegisterTimer(callback, dueTime, period);
}
