namespace MissionControl.Silo.Runtime;

/// <summary>Tunables of one silo. Defaults suit production; tests shorten the times.</summary>
public sealed class SiloOptions
{
    /// <summary>This silo's name in reminder leases and logs; unique per process.</summary>
    public string SiloId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>An activation unused this long is deactivated, so memory stays bounded.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan IdleScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a call may wait for a busy grain before failing.</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often this silo looks for due reminders.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed reminder is ours before another silo may take it over.</summary>
    public TimeSpan ReminderLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many due reminders one poll claims at most.</summary>
    public int ReminderBatchSize { get; set; } = 100;

    /// <summary>
    /// Transactions the event store writes at once. Appends that arrive while they are busy
    /// queue up and share the next one (group commit).
    /// </summary>
    public int AppendWriters { get; set; } = 4;

    /// <summary>Appends one transaction carries at most.</summary>
    public int MaxAppendBatch { get; set; } = 200;
}
