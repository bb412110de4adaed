namespace MissionControl.Benchmarks.Provisioning;

/// <summary>CPU time (user and system) a process and its live children have used, from /proc.</summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds(int pid)
    {
        if (pid <= 0)
            return 0;
        var own = Ticks($"/proc/{pid}/stat");
        var children = Directory.Exists($"/proc/{pid}/task")
            ? ChildPids(pid).Sum(child => Ticks($"/proc/{child}/stat"))
            : 0;
        return (own + children) / TicksPerSecond;
    }

    private static IEnumerable<int> ChildPids(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)
            : [];
    }

    // Fields 14 and 15 (utime, stime) come after the command name, which is in parentheses and may hold spaces.
    private static long Ticks(string statPath)
    {
        try
        {
            var stat = File.ReadAllText(statPath);
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (IOException)
        {
            return 0; // the process is gone
        }
    }
}
