using System.Diagnostics;
using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Errors;

namespace MissionControl.Benchmarks.Provisioning;

/// <summary>
/// <c>provision-steps</c>: where a provisioning's gateway CPU goes. On a fresh gateway, runs each
/// step of a provisioning for N agents in turn (every agent's step, as many at a time as
/// <c>--concurrency</c>, before the next step starts) and prints the gateway's CPU per agent and
/// the wall time of each step. A step lasts until the gateway is idle again (a minute at most after
/// its last answer), and the gateway's idle CPU over that time is subtracted, so a step's figure is
/// what the step itself made the gateway do.
/// </summary>
internal static class ProvisionSteps
{
    private static readonly string[] Files = ["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "MEMORY.md"];

    public static async Task<int> RunAsync(string[] args)
    {
        await using var run = await DirectGatewayRun.ConnectAsync(args, "steps");
        var (agents, concurrency, gatewayPid, root, rpc) = (run.Agents, run.Concurrency, run.GatewayPid, run.WorkspaceRoot, run.Rpc);

        var idle = await IdleCpuPerSecondAsync(gatewayPid);
        var models = (await rpc.CallAsync("models.list")).GetProperty("models").GetArrayLength();
        Console.WriteLine($"provision steps: {agents} agents, {concurrency} at a time; gateway idle CPU {idle:0.000} s per second (subtracted below); " +
            $"models listed: {models}{(models == 0 ? " (each wake starts a run that fails for want of one)" : "")}");
        var ids = Enumerable.Range(0, agents).Select(i => $"step-{i:D4}").ToArray();
        var body = new string('x', 4000);
        var steps = new (string Name, Func<string, Task> Call)[]
        {
            ("agents.create", id => rpc.CallAsync("agents.create", new { name = id, workspace = $"{root}/workspace-{id}" })),
            ("agents.files.list (visible)", id => UntilVisibleAsync(rpc, id)),
            ("sessions.patch", id => rpc.CallAsync("sessions.patch", new { key = $"agent:{id}:main", label = id })),
            ("agents.files.set x5 (parallel)", id => Task.WhenAll(Files.Select(file =>
                rpc.CallAsync("agents.files.set", new { agentId = id, name = file, content = $"# {file}\n{body}" })))),
            ("chat.send (wake)", id => rpc.CallAsync("chat.send", new
            {
                sessionKey = $"agent:{id}:main", message = "wake", idempotencyKey = $"wake-{id}", deliver = true,
            })),
        };
        foreach (var (name, call) in steps)
            await MeasureAsync(name, ids, concurrency, gatewayPid, idle, call);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Console.WriteLine($"after the steps, idle: gateway CPU {await IdleCpuPerSecondAsync(gatewayPid):0.000} s per second");
        return 0;
    }

    private static async Task MeasureAsync(string name, string[] ids, int concurrency, int gatewayPid, double idle, Func<string, Task> call)
    {
        var cpuBefore = ProcessCpu.Seconds(gatewayPid);
        var wall = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < ids.Length)
                await call(ids[i]);
        }));
        var answered = wall.Elapsed.TotalSeconds;
        // Work the step set off after its answers (reloads, watchers, runs) belongs to it too:
        // wait until the gateway is back to idle, a minute at most.
        for (var window = 0; window < 12 && await IdleCpuPerSecondAsync(gatewayPid) > idle * 1.5 + 0.05; window++)
        {
        }
        var elapsed = wall.Elapsed.TotalSeconds;
        var cpu = ProcessCpu.Seconds(gatewayPid) - cpuBefore - idle * elapsed;
        Console.WriteLine($"  {name,-32} gateway CPU {cpu / ids.Length:0.000} s per agent; answered in {answered:0.0} s, idle again after {elapsed:0.0} s");
    }

    private static async Task UntilVisibleAsync(GatewayRpcClient rpc, string id)
    {
        while (true)
        {
            try
            {
                await rpc.CallAsync("agents.files.list", new { agentId = id });
                return;
            }
            catch (GatewayException ex) when (ex.Kind == GatewayErrorKind.AgentNotFound)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<double> IdleCpuPerSecondAsync(int gatewayPid)
    {
        var before = ProcessCpu.Seconds(gatewayPid);
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(5));
        return (ProcessCpu.Seconds(gatewayPid) - before) / wall.Elapsed.TotalSeconds;
    }
}
