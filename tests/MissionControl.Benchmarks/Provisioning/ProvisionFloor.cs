using System.Diagnostics;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Identity;

namespace MissionControl.Benchmarks.Provisioning;

/// <summary>
/// <c>provision-floor</c>: what the gateway itself allows. Creates N agents on a fresh gateway with
/// nothing but <c>agents.create</c>, as many at a time as the benchmark creates through the API,
/// and prints agents/min, so the full run can be read as a ratio to it.
/// </summary>
internal static class ProvisionFloor
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var agents = options.Int("agents", 100);
        var concurrency = options.Int("concurrency", 8);
        var gatewayPid = options.Int("gateway-pid", 0);
        var root = options.Text("workspace-root");
        var connection = new GatewayClientOptions
        {
            GatewayId = "floor", Url = new Uri(options.Text("gateway-url")), Token = options.Text("gateway-token"),
        };
        await using var rpc = new GatewayRpcClient(connection, new InMemoryDeviceIdentityStore());
        await rpc.CallAsync("health"); // connect and pair before the clock starts

        var cpuBefore = ProcessCpu.Seconds(gatewayPid);
        var latencies = new double[agents];
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < agents)
            {
                var id = $"floor-{i:D4}";
                var call = Stopwatch.StartNew();
                await rpc.CallAsync("agents.create", new { name = id, workspace = $"{root}/workspace-{id}" });
                latencies[i] = call.Elapsed.TotalMilliseconds;
            }
        }));
        wall.Stop();
        var cpu = ProcessCpu.Seconds(gatewayPid) - cpuBefore;

        var perMinute = agents / wall.Elapsed.TotalMinutes;
        Console.WriteLine($"floor: agents.create alone, {agents} agents, {concurrency} at a time, on a fresh gateway: " +
            $"{wall.Elapsed.TotalSeconds:0.0} s, {perMinute:0.0} agents/min; call median {Stats.Median(latencies):0} ms, " +
            $"p90 {Stats.Percentile(latencies, 0.9):0} ms; gateway CPU {cpu / agents:0.00} s per agent");
        Console.WriteLine($"FLOOR_AGENTS_PER_MIN={perMinute:0.0}");
        return 0;
    }
}
