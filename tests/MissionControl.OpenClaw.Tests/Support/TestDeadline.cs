namespace MissionControl.OpenClaw.Tests.Support;

/// <summary>A cancellation token that fails a stuck test instead of letting it hang the run.</summary>
internal static class TestDeadline
{
    public static CancellationToken Token(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
