using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Templates.Credentials;

namespace MissionControl.Benchmarks.Provisioning;

/// <summary>
/// <c>provision</c>: N agents created through <c>POST /api/v1/agents</c> on one real gateway, as
/// many at a time as <c>--concurrency</c>. Each agent is played by this program: the moment its
/// AGENTS.md holds a token, it reads it from the workspace and sends a heartbeat with it. Prints
/// agents/min from the first request to the last attempt completed or failed, the API's answer
/// times, the gateway RPCs per agent by method (from the service's own metrics), and the CPU the
/// gateway and the service spent per agent.
/// </summary>
internal static class ProvisionBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var agents = options.Int("agents", 100);
        var concurrency = options.Int("concurrency", 8);
        var (gatewayPid, servicePid) = (options.Int("gateway-pid", 0), options.Int("service-pid", 0));
        var root = options.Text("workspace-root");
        using var http = new HttpClient { BaseAddress = new Uri(options.Text("service-url")), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Text("user-token"));

        var setup = await ProvisionScene.SetUpAsync(http, options.Text("gateway-url"), options.Text("gateway-token"), root);
        Console.WriteLine($"provision: {agents} agents through POST /api/v1/agents, {concurrency} at a time, on one real gateway (its main agent settled first)");

        var calls = await GatewayCallScrape.ReadAsync(http, setup.GatewayId);
        var cpu = (Gateway: ProcessCpu.Seconds(gatewayPid), Service: ProcessCpu.Seconds(servicePid));
        var started = DateTimeOffset.UtcNow;
        var creations = await CreateAsync(http, setup.BoardId, agents, concurrency);
        var created = creations.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToList();
        var players = new AgentPlayers(http, root);
        var settled = await players.PlayUntilSettledAsync(created, Patience);
        var cpuUsed = (Gateway: ProcessCpu.Seconds(gatewayPid) - cpu.Gateway, Service: ProcessCpu.Seconds(servicePid) - cpu.Service);
        var callsUsed = (await GatewayCallScrape.ReadAsync(http, setup.GatewayId)).Minus(calls);

        Report(agents, started, creations, settled, players, callsUsed, cpuUsed);
        return 0;
    }

    private sealed record Creation(HttpStatusCode Status, double Milliseconds, Guid? Id);

    private static async Task<IReadOnlyList<Creation>> CreateAsync(HttpClient http, Guid boardId, int agents, int concurrency)
    {
        var creations = new Creation[agents];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < agents)
            {
                var call = Stopwatch.StartNew();
                using var response = await http.PostAsJsonAsync("/api/v1/agents", new { board_id = boardId, name = $"Bench Agent {i:D4}" });
                var id = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : (Guid?)null;
                creations[i] = new Creation(response.StatusCode, call.Elapsed.TotalMilliseconds, id);
            }
        }));
        return creations;
    }

    private static void Report(
        int agents, DateTimeOffset started, IReadOnlyList<Creation> creations, IReadOnlyList<SettledAgent> settled,
        AgentPlayers players, GatewayCallScrape calls, (double Gateway, double Service) cpu)
    {
        var last = settled.Count == 0 ? started : settled.Max(s => s.At);
        var minutes = (last - started).TotalMinutes;
        var completed = settled.Count(s => s.Completed);
        var created = creations.Count(c => c.Id is not null);
        Console.WriteLine($"POST /api/v1/agents: {creations.Count(c => c.Status == HttpStatusCode.OK)} of {agents} answered 200 " +
            $"(others: {string.Join(", ", creations.Where(c => c.Status != HttpStatusCode.OK).GroupBy(c => (int)c.Status).Select(g => $"{g.Count()}x {g.Key}"))}); " +
            $"answer median {Stats.Median(creations.Select(c => c.Milliseconds)):0} ms, max {creations.Max(c => c.Milliseconds):0} ms");
        Console.WriteLine($"first request to last attempt settled: {(last - started).TotalSeconds:0.0} s: " +
            $"{completed} completed, {settled.Count - completed} failed, {agents - settled.Count} unsettled after {Patience.TotalMinutes:0} min");
        foreach (var failure in settled.Where(s => !s.Completed).GroupBy(s => s.Error).Take(5))
            Console.WriteLine($"  failed x{failure.Count()}: {failure.Key}");
        Console.WriteLine($"agents online after a heartbeat with the token read from their workspace: {players.Online} of {created} created " +
            $"(tokens refused: {players.Refused}; token read to heartbeat answered, median {players.HeartbeatMedianMs:0} ms)");
        Console.WriteLine("gateway RPCs per agent (calls per agent, median latency estimated from histogram buckets):");
        foreach (var method in calls.Methods.OrderByDescending(m => m.Calls))
            Console.WriteLine($"  {method.Method,-20} {method.Calls / (double)agents,6:0.00} per agent, median {method.MedianSeconds * 1000,7:0.0} ms, errors {method.Errors}");
        Console.WriteLine($"CPU per agent: gateway {cpu.Gateway / agents:0.000} s, service {cpu.Service / agents:0.000} s");
        Console.WriteLine($"RUN_AGENTS_PER_MIN={completed / Math.Max(minutes, 1e-9):0.0}");
    }
}

/// <summary>An agent whose attempt ended: when (the event's time), how, and the error if it failed.</summary>
internal sealed record SettledAgent(Guid Id, DateTimeOffset At, bool Completed, string? Error);

/// <summary>
/// Plays each agent: reads its token from its workspace as soon as AGENTS.md holds one, and sends
/// a heartbeat with it; follows each agent's history until its attempt completed or failed.
/// </summary>
internal sealed class AgentPlayers(HttpClient http, string workspaceRoot)
{
    private readonly ConcurrentBag<double> _heartbeatMs = [];
    private int _online;
    private int _refused;

    public int Online => _online;

    public int Refused => _refused;

    public double HeartbeatMedianMs => Stats.Median(_heartbeatMs);

    /// <param name="agents">The agents to follow.</param>
    /// <param name="patience">How long to follow them at most.</param>
    /// <param name="beat">Whether to play them too (board agents, whose workspaces are <c>workspace-mc-&lt;id&gt;</c>).</param>
    public async Task<IReadOnlyList<SettledAgent>> PlayUntilSettledAsync(IReadOnlyList<Guid> agents, TimeSpan patience, bool beat = true)
    {
        using var deadline = new CancellationTokenSource(patience);
        var settled = new ConcurrentBag<SettledAgent>();
        using var gate = new SemaphoreSlim(4); // history reads at a time, so following costs the service little
        await Task.WhenAll(agents.Select(async id =>
        {
            try
            {
                settled.Add(await PlayAsync(id, gate, beat, deadline.Token));
            }
            catch (OperationCanceledException)
            {
                // Unsettled after the patience: reported as such.
            }
        }));
        return [.. settled];
    }

    private async Task<SettledAgent> PlayAsync(Guid id, SemaphoreSlim gate, bool beat, CancellationToken ct)
    {
        using var player = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = beat ? BeatWithWorkspaceTokenAsync(id, player.Token) : Task.CompletedTask;
        SettledAgent? outcome;
        while ((outcome = await ReadOutcomeAsync(id, gate, ct)) is null)
            await Task.Delay(500, ct);
        if (!outcome.Completed)
            await player.CancelAsync(); // a failed agent may never get its files
        try
        {
            await heartbeat;
        }
        catch (OperationCanceledException) when (!outcome.Completed)
        {
        }
        return outcome;
    }

    private async Task BeatWithWorkspaceTokenAsync(Guid id, CancellationToken ct)
    {
        var file = Path.Combine(workspaceRoot, $"workspace-mc-{id}", "AGENTS.md");
        string? token;
        while ((token = ReadToken(file)) is null)
            await Task.Delay(50, ct);
        var call = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agents/{id}/heartbeat") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Agent-Token", token);
        using var response = await http.SendAsync(request, ct);
        _heartbeatMs.Add(call.Elapsed.TotalMilliseconds);
        if (response.IsSuccessStatusCode)
            Interlocked.Increment(ref _online);
        else if (response.StatusCode == HttpStatusCode.Unauthorized)
            Interlocked.Increment(ref _refused);
    }

    private static string? ReadToken(string file)
    {
        try
        {
            return File.Exists(file) ? CredentialsBlock.ReadAuthToken(File.ReadAllText(file)) : null;
        }
        catch (IOException)
        {
            return null; // being written
        }
    }

    private async Task<SettledAgent?> ReadOutcomeAsync(Guid id, SemaphoreSlim gate, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{id}/events?limit=200", ct);
            foreach (var e in page.GetProperty("items").EnumerateArray().Reverse())
            {
                var at = e.GetProperty("occurred_at").GetDateTimeOffset();
                switch (e.GetProperty("type").GetString())
                {
                    case "agent.provision_completed":
                        return new SettledAgent(id, at, true, null);
                    case "agent.provision_failed":
                        return new SettledAgent(id, at, false, e.GetProperty("data").TryGetProperty("error", out var error) ? error.GetString() : null);
                }
            }
            return null;
        }
        finally
        {
            gate.Release();
        }
    }
}
