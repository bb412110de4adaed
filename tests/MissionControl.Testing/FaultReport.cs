namespace MissionControl.Testing;

/// <summary>
/// What a fault test counted, for people reading the run: appended to the file MC_FAULT_REPORT
/// names (the test command prints it at the end), and to the test's own output.
/// </summary>
public static class FaultReport
{
    private static readonly Lock Gate = new();

    public static void Write(Action<string> output, string line)
    {
        output(line);
        var file = Environment.GetEnvironmentVariable("MC_FAULT_REPORT");
        if (string.IsNullOrEmpty(file))
            return;
        lock (Gate)
            File.AppendAllText(file, line + Environment.NewLine);
    }
}
