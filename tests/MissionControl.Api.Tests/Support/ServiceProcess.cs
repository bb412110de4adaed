using System.Diagnostics;
using System.Net.Http.Headers;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Support;

/// <summary>
/// The service as operators run it: its own process, listening on a loopback port, its silo on
/// ports of its own. Several on one schema form one cluster. Disposing kills the process.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

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

    public static ServiceProcess Start(string databaseUrl)
    {
        var url = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.Environment["DATABASE_URL"] = databaseUrl;
        start.Environment["AUTH_MODE"] = "local";
        start.Environment["LOCAL_AUTH_TOKEN"] = MissionControlFactory.LocalToken;
        start.Environment["BASE_URL"] = url.ToString();
        start.Environment["ASPNETCORE_URLS"] = url.ToString();
        start.Environment["ORLEANS_SILO_PORT"] = FreePorts.Next().ToString();
        start.Environment["ORLEANS_GATEWAY_PORT"] = FreePorts.Next().ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var service = new ServiceProcess(Process.Start(start)!, url);
        service.Capture();
        return service;
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

    public async ValueTask DisposeAsync()
    {
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
