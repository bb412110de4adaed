namespace MissionControl.Runtime;

/// <summary>What the runtime gives an activation: its identity and the silo's services.</summary>
public interface IGrainContext
{
    GrainId Id { get; }

    /// <summary>The silo hosting this activation (several silos may each host one).</summary>
    string SiloId { get; }

    IGrainFactory GrainFactory { get; }

    IReminderRegistry Reminders { get; }

    IServiceProvider Services { get; }

    /// <summary>
    /// An in-memory timer whose callbacks run as turns of this activation. It dies with the
    /// activation and does not keep it alive; use a reminder for anything that must survive.
    /// </summary>
    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);
}

/// <summary>Lets the runtime hand a freshly constructed grain its context.</summary>
public interface IGrainLifecycle
{
    void Attach(IGrainContext context);

    Task OnActivateAsync(CancellationToken ct);

    Task OnDeactivateAsync(CancellationToken ct);
}
