using System.Diagnostics;
using System.Net.Http.Headers;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Support;

/// <summary>
/// The service as operators run it: its own process, listening on a loopback port, its silo on
/// ports of its own. Several on one schema form one cluster; the load balancer runs the same way.
/// Disposing kills the process.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private bool _disposed;

    private ServiceProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What the process wrote, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output);
        }
    }

    /// <summary>A service process on <paramref name="databaseUrl"/>, with <paramref name="settings"/> added to its environment.</summary>
    public static ServiceProcess Start(string databaseUrl, IReadOnlyDictionary<string, string>? settings = null)
    {
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = databaseUrl,
            ["AUTH_MODE"] = "local",
            ["LOCAL_AUTH_TOKEN"] = MissionControlFactory.LocalToken,
            ["BASE_URL"] = url.ToString(),
            ["ORLEANS_SILO_PORT"] = FreePorts.Next().ToString(),
            ["ORLEANS_GATEWAY_PORT"] = FreePorts.Next().ToString(),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            environment[name] = value;
        return Launch(typeof(Program).Assembly.Location, url, environment);
    }

    /// <summary>The load balancer of a local cluster, in front of <paramref name="backends"/>.</summary>
    public static ServiceProcess StartBalancer(IEnumerable<Uri> backends)
    {
        // Built with the tests (a project reference not referenced as an assembly), in the same
        // configuration and framework folders: <repo>/load-balancer/bin/<configuration>/<framework>.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var dll = Path.Combine(RepositoryRoot.Path, "load-balancer", "bin", configuration.Name, framework.Name, "MissionControl.LoadBalancer.dll");
        return Launch(dll, new Uri($"http://127.0.0.1:{FreePorts.Next()}"), new Dictionary<string, string>
        {
            ["MC_BACKENDS"] = string.Join(',', backends),
        });
    }

    private static ServiceProcess Launch(string dll, Uri url, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.Environment["ASPNETCORE_URLS"] = url.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = new ServiceProcess(Process.Start(start)!, url);
        process.Capture();
        return process;
    }

    public HttpClient Client(bool asUser = false)
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        if (asUser)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MissionControlFactory.LocalToken);
        return client;
    }

    /// <summary>Waits until the process answers HTTP at all (not necessarily ready).</summary>
    public Task WaitUntilListeningAsync(TimeSpan timeout) =>
        Eventually.WaitUntil(async () =>
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{Output}");
            using var client = Client();
            try
            {
                return (await client.GetAsync("/healthz")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, timeout, "the service answers /healthz");

    /// <summary>
    /// Asks the process to stop as an orchestrator does (SIGTERM) and waits for it to exit;
    /// returns its exit code. Fails when it is still running after <paramref name="patience"/>.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The service was still running {patience.TotalSeconds} s after SIGTERM:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the process outright (SIGKILL) if it still runs; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Capture()
    {
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Add(line);
    }
}
