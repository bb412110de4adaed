namespace MissionControl.OpenClaw.Resilience;

/// <summary>How the retry budget is told in messages.</summary>
public static class RetryBudget
{
    /// <summary>Formats a budget the way the "Gateway unreachable" message states it.</summary>
    public static string DescribeBudget(TimeSpan budget)
    {
        var seconds = (int)budget.TotalSeconds;
        return seconds >= 120 ? $"{seconds / 60} minutes" : $"{seconds} seconds";
    }
}
