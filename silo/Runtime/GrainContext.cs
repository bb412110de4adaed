using MissionControl.Runtime;

namespace MissionControl.Silo.Runtime;

internal sealed class GrainContext(
    GrainId id,
    SiloOptions options,
    IGrainFactory grainFactory,
    IReminderRegistry reminders,
    IServiceProvider services,
    SiloLifetime lifetime) : IGrainContext
{
    public GrainId Id { get; } = id;

    public string SiloId => options.SiloId;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public IReminderRegistry Reminders { get; } = reminders;

    public IServiceProvider Services { get; } = services;

    /// <summary>Set once the activation exists, so timers can run turns on it.</summary>
    public GrainActivation? Activation { get; set; }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var activation = Activation ?? throw new InvalidOperationException("Timers can be registered once the grain is active.");
        return new ActivationTimer(activation, callback, dueTime, period, lifetime.Killed);
    }
}
