namespace MissionControl.Cli;

/// <summary>The <c>mc</c> executable.</summary>
public static class McProgram
{
    public static Task<int> Main(string[] args) => McCommandLine.RunAsync(args, McEnvironment.FromProcess(), CancellationToken.None);
}
