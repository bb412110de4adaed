namespace MissionControl.Runtime;

/// <summary>
/// Implemented by grains that register durable reminders. Delivery is at least once: a firing
/// may be repeated (after a silo dies mid-handler, say), so handlers must be idempotent.
/// </summary>
public interface IRemindable
{
    Task ReceiveReminder(string reminderName, ReminderTick tick);
}

/// <summary>One firing of a reminder.</summary>
/// <param name="DueAt">When the firing was due.</param>
/// <param name="Attempt">1 for the first delivery of this firing, more for redeliveries.</param>
public sealed record ReminderTick(DateTimeOffset DueAt, int Attempt);

/// <summary>Durable reminders, kept in the database and fired by whichever silo claims them.</summary>
public interface IReminderRegistry
{
    /// <summary>Creates or replaces a reminder; a firing in flight for the old registration is superseded.</summary>
    Task RegisterOrUpdateAsync(GrainId grain, string name, TimeSpan dueTime, TimeSpan? period, CancellationToken ct = default);

    Task UnregisterAsync(GrainId grain, string name, CancellationToken ct = default);
}
