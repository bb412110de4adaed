namespace MissionControl.OpenClaw.Resilience;

/// <summary>The kinds of gateway work, each with its own overall time budget.</summary>
public enum GatewayOperationKind
{
    /// <summary>A user is waiting (API call, single provisioning step).</summary>
    Interactive,

    /// <summary>Background template sync across a gateway; may wait out a gateway restart.</summary>
    TemplateSync,
}

/// <summary>Retry, budget and circuit-breaker settings, shared by every operation on a gateway.</summary>
public sealed record GatewayResilienceOptions
{
    /// <summary>First retry delay; grows exponentially (with jitter) per transient failure.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(0.75);

    /// <summary>Cap on the retry delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Overall budget of an <see cref="GatewayOperationKind.Interactive"/> operation.</summary>
    public TimeSpan InteractiveBudget { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Overall budget of a <see cref="GatewayOperationKind.TemplateSync"/> operation.</summary>
    public TimeSpan TemplateSyncBudget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many stale-hash conflicts one operation re-reads and retries before giving up.</summary>
    public int MaxConflictRetries { get; init; } = 8;

    /// <summary>Pause before retrying after a conflict (jittered, so racing writers spread out).</summary>
    public TimeSpan ConflictDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Share of failed attempts within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the breaker judges the ratio.</summary>
    public int BreakerMinimumThroughput { get; init; } = 6;

    /// <summary>Window over which failures are counted.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit fails calls fast before letting one probe through.</summary>
    public TimeSpan BreakerDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The budget for <paramref name="kind"/>.</summary>
    public TimeSpan BudgetFor(GatewayOperationKind kind) =>
        kind == GatewayOperationKind.TemplateSync ? TemplateSyncBudget : InteractiveBudget;
}
