using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Identity;
using MissionControl.Testing;

namespace MissionControl.Benchmarks;

/// <summary>
/// 200 concurrent heartbeat-config updates for 200 agents on one gateway, queued through the
/// gateway config grain on two silos, against the fake gateway and (when OPENCLAW_GATEWAY_URL is
/// set) the real one. A baseline does what the originals do: one config round per agent.
/// </summary>
internal static class GatewayPatchBenchmark
{
    private const int Agents = 200;
    private const int FakeRepetitions = 5;

    public static async Task RunAsync(string[] args)
    {
        Console.WriteLine($"gateway-patch: {Agents} concurrent heartbeat updates, {Agents} agents, one gateway, 2 silos");
        await RunFakeAsync();
        var url = Environment.GetEnvironmentVariable("OPENCLAW_GATEWAY_URL");
        var token = Environment.GetEnvironmentVariable("OPENCLAW_GATEWAY_TOKEN");
        if (url is not null && token is not null)
            await RunRealAsync(new Uri(url), token);
        else
            Console.WriteLine("real gateway: skipped (OPENCLAW_GATEWAY_URL/OPENCLAW_GATEWAY_TOKEN not set; deploy/bench.sh sets them)");
    }

    private static async Task RunFakeAsync()
    {
        var coalesced = new List<Figures>();
        var perAgent = new List<Figures>();
        for (var run = 0; run < FakeRepetitions; run++)
        {
            await using (var gateway = FakeGateway.Start())
                coalesced.Add(await CoalescedAsync(new StaticGatewayConnections(gateway.Url, gateway.Token), () => gateway.State.ConfigPatchCalls));
            await using (var gateway = FakeGateway.Start())
                perAgent.Add(await PerAgentAsync(new StaticGatewayConnections(gateway.Url, gateway.Token), () => gateway.State.ConfigPatchCalls));
        }
        Report("fake", "coalesced (ours)", coalesced);
        Report("fake", "one round per agent", perAgent);
        Console.WriteLine($"fake: median wall-time ratio per-agent/coalesced = {Median(perAgent).WallMs / Math.Max(1, Median(coalesced).WallMs):0.0}x");
    }

    // The real gateway takes heartbeat entries for ids it does not know yet (the entry creates the
    // agent in its config), so no setup calls are needed. Run it only against a throwaway gateway:
    // it leaves 200 entries behind. It does not expose a call counter, so rounds are counted here.
    private static async Task RunRealAsync(Uri url, string token)
    {
        var connections = new StaticGatewayConnections(url, token);
        await AllowManyAgentsAsync(connections);
        Report("real", "coalesced (ours)", [await CoalescedAsync(connections, patchCounter: null)]);
    }

    // A roster of many agents needs explicit ownership; agents.create sets it, a bare config entry does not.
    private static async Task AllowManyAgentsAsync(StaticGatewayConnections connections)
    {
        await using var rpc = new GatewayRpcClient(connections.Options("bench-setup"), new InMemoryDeviceIdentityStore());
        var config = await rpc.CallAsync("config.get");
        var hash = config.GetProperty("hash").GetString();
        await rpc.CallAsync("config.patch", new Dictionary<string, string?>
        {
            ["raw"] = """{"agents":{"ownership":"explicit","entries":{"main":{"name":"main"}}}}""",
            ["baseHash"] = hash,
        });
    }

    private static async Task<Figures> CoalescedAsync(StaticGatewayConnections connections, Func<int>? patchCounter)
    {
        await using var cluster = await TestCluster.StartAsync(2,
            _ => { },
            services => services
                .AddSingleton<IGatewayConnections>(connections)
                .AddSingleton(new GatewayConfigOptions())
                .AddSingleton(sp => new GatewayClientPool(sp.GetRequiredService<IDeviceIdentityStore>())));
        var every = $"{Random.Shared.Next(11, 59)}m";
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, Agents).Select(i =>
            cluster.Silos[i % 2].Grains.GetGrain<IGatewayConfigGrain>("bench").WriteHeartbeat(Entry(i, every))));
        clock.Stop();
        // Every write of one batch gets that batch's result (its own copy), one per config hash.
        // Each round of a batch is one config.get and at most one config.patch; a round retried
        // after a lost reply finds its patch already applied and reports no change, so rounds
        // are counted whether or not the last one patched.
        var rounds = results.DistinctBy(r => r.Hash).Sum(r => r.Rounds);
        var lost = await CountLostAsync(connections, every);
        return new Figures(patchCounter?.Invoke() ?? rounds, clock.Elapsed.TotalMilliseconds, lost);
    }

    private static async Task<Figures> PerAgentAsync(StaticGatewayConnections connections, Func<int> patchCounter)
    {
        await using var pool = new GatewayClientPool(new InMemoryDeviceIdentityStore());
        var every = $"{Random.Shared.Next(11, 59)}m";
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Agents).Select(async i =>
        {
            try
            {
                await pool.HeartbeatPatcher(connections.Options("baseline")).ApplyAsync([Entry(i, every)]);
                return true;
            }
            catch (GatewayException)
            {
                return false; // conflicts past the retry limit: the update did not land
            }
        }));
        clock.Stop();
        return new Figures(patchCounter(), clock.Elapsed.TotalMilliseconds, await CountLostAsync(connections, every))
        {
            Failed = outcomes.Count(ok => !ok),
        };
    }

    private static async Task<int> CountLostAsync(StaticGatewayConnections connections, string every)
    {
        await using var pool = new GatewayClientPool(new InMemoryDeviceIdentityStore());
        var config = await pool.ControlPlane(connections.Options("bench-check")).GetConfigAsync();
        var entries = config.Parsed?["agents"]?["entries"];
        return Enumerable.Range(0, Agents).Count(i => (string?)entries?[$"mc-bench-{i}"]?["heartbeat"]?["every"] != every);
    }

    private static AgentHeartbeat Entry(int i, string every) =>
        new($"mc-bench-{i}", new HeartbeatSettings { Every = every, Target = "none" });

    private static void Report(string gateway, string mode, List<Figures> runs)
    {
        var median = Median(runs);
        Console.WriteLine(
            $"{gateway,-5} {mode,-20} runs={runs.Count} config.patch={median.ConfigPatches} " +
            $"wall_ms(median)={median.WallMs:0} lost_entries(max)={runs.Max(r => r.Lost)} failed_calls(max)={runs.Max(r => r.Failed)}");
    }

    private static Figures Median(List<Figures> runs)
    {
        var sorted = runs.OrderBy(r => r.WallMs).ToList();
        var middle = sorted[sorted.Count / 2];
        return middle with { ConfigPatches = runs.Select(r => r.ConfigPatches).Order().ElementAt(runs.Count / 2) };
    }

    private sealed record Figures(int ConfigPatches, double WallMs, int Lost)
    {
        public int Failed { get; init; }
    }
}
