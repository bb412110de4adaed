using System.Net;
using System.Text;
using MissionControl.Api.Tests.Support;
using MissionControl.Cli;
using MissionControl.Fakes;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Cli;

/// <summary>What one run of <c>mc</c> ended with.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}

/// <summary>
/// A running service (its own process, on a fresh schema) and a fake gateway, for the command
/// line to talk to, and a way to run <c>mc</c> against them as a user would.
/// </summary>
public sealed class CliService : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private ServiceGroup? _services;

    public FakeGateway Gateway { get; } = FakeGateway.Start();

    public ServiceProcess Service => _services![0];

    /// <summary>A home directory of the fixture's own, so no test reads a real user's config file.</summary>
    public string Home { get; } = Directory.CreateTempSubdirectory("mc-cli-home-").FullName;

    public async Task InitializeAsync()
    {
        _services = await ServiceGroup.StartAsync(1);
        using var admin = Service.Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await Gateway.DisposeAsync();
        Directory.Delete(Home, recursive: true);
    }

    /// <summary>Runs <c>mc</c> with the service's URL and token in the environment (MC_URL, MC_TOKEN).</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithAsync(Signed(), args);

    public async Task<CliRun> RunWithAsync(IReadOnlyDictionary<string, string> variables, string[] args, CancellationToken ct = default)
    {
        using var output = new SharedWriter();
        using var error = new SharedWriter();
        var exit = await McCommandLine.RunAsync(args, new McEnvironment(variables, Home, output, error, OutIsTerminal: false), ct);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>mc</c> (signed in) and leaves it running, its output readable as it comes.</summary>
    public RunningCli Start(params string[] args)
    {
        var output = new SharedWriter();
        var error = new SharedWriter();
        var stop = new CancellationTokenSource();
        var run = McCommandLine.RunAsync(args, new McEnvironment(Signed(), Home, output, error, OutIsTerminal: false), stop.Token);
        return new RunningCli(run, output, error, stop);
    }

    public Dictionary<string, string> Signed() => new()
    {
        ["MC_URL"] = Service.Url.ToString(),
        ["MC_TOKEN"] = MissionControlFactory.LocalToken,
    };

    /// <summary>The token the agent's workspace holds, once it has been provisioned and woken.</summary>
    public async Task<string> AgentTokenAsync(Guid agentId)
    {
        await Eventually.WaitUntil(() => Gateway.State.Chats.Any(chat => chat.SessionKey == $"agent:mc-{agentId}:main"),
            Patience, "the agent is provisioned and woken");
        return CredentialsBlock.ReadAuthToken(Gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"])!;
    }
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
