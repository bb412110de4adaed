using System.Text;
using MissionControl.Api.Tests.Support;
using MissionControl.Cli;

namespace MissionControl.Api.Tests.Cli;

/// <summary>What one run of <c>mc</c> ended with.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}

/// <summary>Runs <c>mc</c> against a live service as a user would, signed in through MC_URL and MC_TOKEN.</summary>
public static class McRuns
{
    /// <summary>Runs <c>mc</c> with the service's URL and token in the environment (MC_URL, MC_TOKEN).</summary>
    public static Task<CliRun> RunAsync(this LiveService service, params string[] args) => RunWithAsync(service, Signed(service), args);

    public static async Task<CliRun> RunWithAsync(this LiveService service, IReadOnlyDictionary<string, string> variables, string[] args, CancellationToken ct = default)
    {
        using var output = new SharedWriter();
        using var error = new SharedWriter();
        var exit = await McCommandLine.RunAsync(args, new McEnvironment(variables, service.Home, output, error, OutIsTerminal: false), ct);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>mc</c> (signed in) and leaves it running, its output readable as it comes.</summary>
    public static RunningCli Start(this LiveService service, params string[] args)
    {
        var output = new SharedWriter();
        var error = new SharedWriter();
        var stop = new CancellationTokenSource();
        var run = McCommandLine.RunAsync(args, new McEnvironment(service.Signed(), service.Home, output, error, OutIsTerminal: false), stop.Token);
        return new RunningCli(run, output, error, stop);
    }

    public static Dictionary<string, string> Signed(this LiveService service) => new()
    {
        ["MC_URL"] = service.Service.Url.ToString(),
        ["MC_TOKEN"] = MissionControlFactory.LocalToken,
    };
}

/// <summary>A command left running: what it has written so far, and a way to stop it as Ctrl+C does.</summary>
public sealed class RunningCli(Task<int> run, SharedWriter output, SharedWriter error, CancellationTokenSource stop) : IAsyncDisposable
{
    public string Out => output.ToString();

    public async Task<CliRun> StopAsync()
    {
        await stop.CancelAsync();
        return new CliRun(await run, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (!run.IsCompleted)
            await StopAsync();
        stop.Dispose();
        output.Dispose();
        error.Dispose();
    }
}

/// <summary>A text writer that a running command writes to while the test reads it.</summary>
public sealed class SharedWriter : StringWriter
{
    private readonly Lock _gate = new();

    public SharedWriter() : base(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override void Write(char value)
    {
        lock (_gate)
            base.Write(value);
    }

    public override void Write(string? value)
    {
        lock (_gate)
            base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
            base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
            base.Write(buffer);
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
            base.WriteLine(buffer);
    }

    public override string ToString()
    {
        lock (_gate)
            return base.ToString();
    }
}
