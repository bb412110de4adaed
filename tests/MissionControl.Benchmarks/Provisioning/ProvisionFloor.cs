using System.Diagnostics;

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
        await using var run = await DirectGatewayRun.ConnectAsync(args, "floor");
        var (agents, concurrency, gatewayPid, root, rpc) = (run.Agents, run.Concurrency, run.GatewayPid, run.WorkspaceRoot, run.Rpc);

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
