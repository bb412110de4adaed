using System.Diagnostics;
using MissionControl.Cluster.TestSilo;
using MissionControl.Testing;
using Orleans.Runtime;

namespace MissionControl.Cluster.Tests.Support;

/// <summary>
/// A silo in a process of its own (the test silo program), so a test can kill it outright: no
/// shutdown code runs, nothing is written on its way out, exactly as when a machine dies.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, SiloAddress address)
    {
        _process = process;
        Address = address;
    }

    public SiloAddress Address { get; }

    public static async Task<SiloProcess> StartAsync(TestDatabase database, string serviceId = "svc")
    {
        var program = typeof(TestSiloHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { program, database.ConnectionString, serviceId, FreePorts.Next().ToString(), FreePorts.Next().ToString() })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
                return new SiloProcess(process, SiloAddress.FromParsableString(line["ready ".Length..]));
        }
        throw new InvalidOperationException($"The test silo exited with {process.ExitCode} before it was ready.");
    }

    /// <summary>SIGKILL: the silo gets no chance to say goodbye.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
