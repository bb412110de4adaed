namespace MissionControl.OpenClaw.Resilience;

/// <summary>Exponential backoff with symmetric jitter: base × 2^n, capped, then ± the jitter fraction.</summary>
public static class RetryDelays
{
    /// <summary>
    /// Delay before retry number <paramref name="retryIndex"/> (0 for the first retry).
    /// <paramref name="unitRandom"/> is a value in [0, 1) that picks the jitter.
    /// </summary>
    public static TimeSpan Backoff(int retryIndex, GatewayResilienceOptions options, double unitRandom)
    {
        var exponent = Math.Min(retryIndex, 30);
        var raw = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxDelay.TotalMilliseconds);
        var jitter = 1.0 + (((unitRandom * 2.0) - 1.0) * options.JitterFraction);
        return TimeSpan.FromMilliseconds(Math.Max(0, raw * jitter));
    }

    /// <summary>Formats a budget the way the "Gateway unreachable" message states it.</summary>
    public static string DescribeBudget(TimeSpan budget)
    {
        var seconds = (int)budget.TotalSeconds;
        return seconds >= 120 ? $"{seconds / 60} minutes" : $"{seconds} seconds";
    }
}
