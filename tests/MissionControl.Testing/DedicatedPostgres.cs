using System.Diagnostics;

namespace MissionControl.Testing;

/// <summary>
/// A PostgreSQL server of a test's own (through <c>deploy/lib/postgres.sh</c>, like the test
/// command's), so the test can stop and start it under a running service. Disposing stops it and
/// removes its data.
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mc-dedicated-pg-{Guid.NewGuid():N}");
    private readonly int _port = FreePorts.Next();

    private DedicatedPostgres()
    {
    }

    public string Url => $"postgresql://postgres@127.0.0.1:{_port}/faults";

    public static async Task<DedicatedPostgres> StartAsync()
    {
        var server = new DedicatedPostgres();
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again), on the same port and data.</summary>
    public Task StartAgainAsync() => RunAsync($"mc_pg_start '{_directory}' {_port} faults");

    /// <summary>Stops the server the way an operator's restart does: open connections are cut.</summary>
    public Task StopAsync() => RunAsync($"mc_pg_ensure_binaries; mc_pg_stop \"$(mc_pg_data_dir '{_directory}')\"");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await RunAsync($"rm -rf \"$(mc_pg_data_dir '{_directory}')\" '{_directory}'");
    }

    private static async Task RunAsync(string commands)
    {
        var library = Path.Combine(RepositoryRoot.Path, "deploy", "lib", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -euo pipefail; source '{library}'; {commands}");
        start.Environment["MC_PG_FSYNC"] = "off";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"PostgreSQL ({commands}) failed with {process.ExitCode}:\n{await output}\n{await errors}");
    }
}
