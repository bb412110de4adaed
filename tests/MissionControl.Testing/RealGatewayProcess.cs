using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MissionControl.Testing;

/// <summary>
/// A real OpenClaw gateway for tests: the one named by OPENCLAW_GATEWAY_URL and
/// OPENCLAW_GATEWAY_TOKEN when both are set (deploy/test.sh starts one for the whole run),
/// otherwise one started now with deploy/openclaw-gateway.sh and stopped on dispose.
/// </summary>
public sealed partial class RealGatewayProcess : IAsyncDisposable
{
    private readonly string? _startedPid;

    private RealGatewayProcess(Uri url, string token, string? startedPid)
    {
        Url = url;
        Token = token;
        _startedPid = startedPid;
    }

    public Uri Url { get; }

    public string Token { get; }

    /// <summary>The gateway's process when this one started it (null for the shared one).</summary>
    public int? Pid => _startedPid is null ? null : int.Parse(_startedPid);

    public static async Task<RealGatewayProcess> StartAsync()
    {
        var url = Environment.GetEnvironmentVariable("OPENCLAW_GATEWAY_URL");
        var token = Environment.GetEnvironmentVariable("OPENCLAW_GATEWAY_TOKEN");
        if (!string.IsNullOrWhiteSpace(url) && !string.IsNullOrWhiteSpace(token))
            return new RealGatewayProcess(new Uri(url), token, null);
        return await StartFreshAsync();
    }

    /// <summary>A gateway of its own with an empty roster, whatever the environment names.</summary>
    public static async Task<RealGatewayProcess> StartFreshAsync()
    {
        var output = await RunScriptAsync("start", TimeSpan.FromMinutes(6));
        var values = Assignment().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (!values.TryGetValue("OPENCLAW_GATEWAY_URL", out var startedUrl) || !values.TryGetValue("OPENCLAW_GATEWAY_TOKEN", out var startedToken))
            throw new InvalidOperationException($"openclaw-gateway.sh start printed no URL/token:\n{output}");
        return new RealGatewayProcess(new Uri(startedUrl), startedToken, values.GetValueOrDefault("OPENCLAW_GATEWAY_PID"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedPid is not null)
            await RunScriptAsync($"stop {_startedPid}", TimeSpan.FromSeconds(30));
    }

    private static async Task<string> RunScriptAsync(string arguments, TimeSpan timeout)
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "openclaw-gateway.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", $"{script} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"openclaw-gateway.sh {arguments} failed ({process.ExitCode}):\n{await stderr}");
        return await stdout;
    }

    [GeneratedRegex(@"(OPENCLAW_GATEWAY_[A-Z_]+)=(\S+)")]
    private static partial Regex Assignment();
}
