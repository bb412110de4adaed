namespace MissionControl.Testing;

/// <summary>Waits, with a bound, for something asynchronous to become true.</summary>
public static class Eventually
{
    public static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up after {timeout} waiting until {what}.");
            await Task.Delay(25);
        }
    }

    /// <summary>Whether the condition became true within the timeout, for a test that says more than "gave up".</summary>
    public static async Task<bool> TryWaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        try
        {
            await WaitUntil(condition, timeout, "");
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public static Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what) =>
        WaitUntil(() => Task.FromResult(condition()), timeout, what);
}
