using System.Diagnostics;
using System.Text.RegularExpressions;
using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Resilience;

namespace MissionControl.OpenClaw.Tests.Contract;

/// <summary>
/// A real OpenClaw gateway for contract tests: the one named by OPENCLAW_GATEWAY_URL and
/// OPENCLAW_GATEWAY_TOKEN when both are set, otherwise one started (and stopped afterwards) with
/// deploy/openclaw-gateway.sh.
/// </summary>
public sealed partial class RealGatewayFixture : IAsyncLifetime
{
    private string? _startedPid;

    public Uri Url { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public GatewayRpcClient Client { get; private set; } = null!;

    public GatewayResilience Resilience { get; private set; } = null!;

    public GatewayControlPlane ControlPlane { get; private set; } = null!;

    public HeartbeatConfigPatcher Patcher { get; private set; } = null!;

    public static GatewayResilienceOptions TestResilience { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(2),
        InteractiveBudget = TimeSpan.FromSeconds(30),
    };

    public GatewayClientOptions Options(string? suffix = null) => new()
    {
        GatewayId = $"real-{suffix ?? "main"}",
        Url = Url,
        Token = Token,
    };

    public async Task InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable("OPENCLAW_GATEWAY_URL");
        var token = Environment.GetEnvironmentVariable("OPENCLAW_GATEWAY_TOKEN");
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(token))
            (url, token) = await StartGatewayAsync();
        Url = new Uri(url);
        Token = token;
        Client = new GatewayRpcClient(Options(), new InMemoryDeviceIdentityStore());
        Resilience = new GatewayResilience("real-main", TestResilience);
        ControlPlane = new GatewayControlPlane(Client, Resilience);
        Patcher = new HeartbeatConfigPatcher(Client, Resilience);
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
            await Client.DisposeAsync();
        if (_startedPid is not null)
            await RunScriptAsync($"stop {_startedPid}", TimeSpan.FromSeconds(30));
    }

    private async Task<(string Url, string Token)> StartGatewayAsync()
    {
        var output = await RunScriptAsync("start", TimeSpan.FromMinutes(6));
        var values = Assignment().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (!values.TryGetValue("OPENCLAW_GATEWAY_URL", out var url) || !values.TryGetValue("OPENCLAW_GATEWAY_TOKEN", out var token))
            throw new InvalidOperationException($"openclaw-gateway.sh start printed no URL/token:\n{output}");
        _startedPid = values.GetValueOrDefault("OPENCLAW_GATEWAY_PID");
        return (url, token);
    }

    private static async Task<string> RunScriptAsync(string arguments, TimeSpan timeout)
    {
        var script = Path.Combine(RepositoryRoot(), "deploy", "openclaw-gateway.sh");
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "openclaw-gateway.sh")))
                return dir.FullName;
        }

        throw new InvalidOperationException("deploy/openclaw-gateway.sh not found above the test binaries");
    }

    [GeneratedRegex(@"(OPENCLAW_GATEWAY_[A-Z_]+)=(\S+)")]
    private static partial Regex Assignment();
}

[CollectionDefinition(Name)]
public sealed class RealGatewayCollection : ICollectionFixture<RealGatewayFixture>
{
    public const string Name = "real-gateway";
}
