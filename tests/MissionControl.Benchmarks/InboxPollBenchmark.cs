extern alias service;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Security;
using MissionControl.Runtime;
using MissionControl.Silo.Hosting;
using MissionControl.Testing;

namespace MissionControl.Benchmarks;

/// <summary>
/// <c>GET /api/gateway/poll</c> over real HTTP (Kestrel on loopback) against the whole service,
/// with 10,000 online agents holding 3 messages each. Agents are seeded straight into the event
/// store (their streams as the grains would have written them, projections included). Each run
/// polls every agent once, in random order, from 32 concurrent clients; the lease is 1 s, so every
/// run after the first finds all leases expired and delivers the messages again.
/// </summary>
internal static class InboxPollBenchmark
{
    private const int Agents = 10_000;
    private const int MessagesPerAgent = 3;
    private const int AgentsPerBoard = 10;
    private const int Runs = 5;
    private const int Concurrency = 32;
    private const string KeySecret = "inbox-benchmark-secret-0123456789abcdefghij";

    public static async Task RunAsync(string[] args)
    {
        Console.WriteLine($"inbox-poll: {Agents} agents x {MessagesPerAgent} pending messages, {Concurrency} concurrent HTTP clients, {Runs} runs");
        await using var database = TestDatabase.Create();
        var port = FreePort();
        await using var service = new BenchmarkService(database, port);
        service.UseKestrel(port);
        service.StartServer();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            await service.Services.GetRequiredService<DatabaseReadiness>().WhenMigrated(timeout.Token);

        var seeding = Stopwatch.StartNew();
        var keys = await SeedAsync(service.Services.GetRequiredService<IEventStore>());
        Console.WriteLine($"seeded {Agents} agents and {Agents * MessagesPerAgent} messages through the event store in {seeding.Elapsed.TotalSeconds:0.0} s");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var figures = new List<RunFigures>();
        for (var run = 1; run <= Runs; run++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // every lease of the previous run has run out
            var result = await PollEveryAgentAsync(http, keys);
            figures.Add(result);
            Console.WriteLine($"run {run}: {result}");
        }

        var median = new RunFigures(
            Stats.Median(figures.Select(f => f.PollsPerSecond)), Stats.Median(figures.Select(f => f.MessagesPerSecond)),
            Stats.Median(figures.Select(f => f.P50Ms)), Stats.Median(figures.Select(f => f.P99Ms)), figures.Sum(f => f.Failures), figures.Sum(f => f.ShortPolls));
        Console.WriteLine($"median of {Runs} runs: {median}");
    }

    private static async Task<RunFigures> PollEveryAgentAsync(HttpClient http, IReadOnlyList<string> keys)
    {
        var order = keys.ToArray();
        Random.Shared.Shuffle(order);
        var latencies = new double[order.Length];
        var messages = 0;
        var failures = 0;
        var shortPolls = 0;
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < order.Length; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/gateway/poll");
                request.Headers.Add("X-Api-Key", order[i]);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStreamAsync();
                var count = response.IsSuccessStatusCode
                    ? (await JsonDocument.ParseAsync(body)).RootElement.GetProperty("messages").GetArrayLength()
                    : -1;
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (count < 0)
                    Interlocked.Increment(ref failures);
                else
                    Interlocked.Add(ref messages, count);
                if (count is >= 0 and < MessagesPerAgent)
                    Interlocked.Increment(ref shortPolls);
            }
        }));
        var seconds = wall.Elapsed.TotalSeconds;
        return new RunFigures(order.Length / seconds, messages / seconds, Stats.Percentile(latencies, 0.50), Stats.Percentile(latencies, 0.99), failures, shortPolls);
    }

    // Each agent's stream as its grain writes it: created, provisioned (online), an inbox key, messages.
    private static async Task<IReadOnlyList<string>> SeedAsync(IEventStore store)
    {
        var keys = new string[Agents];
        var gatewayId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < Agents; i = Interlocked.Increment(ref next))
            {
                var agentId = Guid.NewGuid();
                var boardId = BoardOf(i);
                keys[i] = InboxKeys.Mint();
                var events = new List<object>
                {
                    new AgentCreated(agentId, $"agent {i}", boardId, gatewayId, false, $"agent:mc-{agentId}:main",
                        AgentTokens.Hash(AgentTokens.Mint(), 1), new Dictionary<string, JsonElement>(), null, null, null, at),
                    new AgentProvisionStarted(1, ProvisionAction.Provision, false, false, at),
                    new AgentProvisionCompleted(1, false, null, at),
                    new AgentInboxKeyIssued(InboxKeys.Hash(System.Text.Encoding.UTF8.GetBytes(KeySecret), keys[i]), at),
                };
                for (var m = 0; m < MessagesPerAgent; m++)
                    events.Add(new AgentInboxMessageQueued(Guid.NewGuid(), $"seed-{agentId}", $"task {m} for agent {i}", at.AddMilliseconds(m)));
                await store.AppendAsync($"agent-{agentId}", 0, events, EventMetadata.Empty);
            }
        }));
        return keys;
    }

    private static readonly Guid[] Boards = [.. Enumerable.Range(0, Agents / AgentsPerBoard).Select(_ => Guid.NewGuid())];

    private static Guid BoardOf(int agent) => Boards[agent / AgentsPerBoard];


    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record RunFigures(double PollsPerSecond, double MessagesPerSecond, double P50Ms, double P99Ms, int Failures, int ShortPolls)
    {
        public override string ToString() =>
            $"{PollsPerSecond:0} polls/s, {MessagesPerSecond:0} messages/s, p50 {P50Ms:0.0} ms, p99 {P99Ms:0.0} ms, failed polls {Failures}, polls with fewer than {MessagesPerAgent} messages {ShortPolls}";
    }

    /// <summary>The service as <c>deploy/run.sh</c> runs it, over the benchmark's schema, with a 1 s lease.</summary>
    private sealed class BenchmarkService : WebApplicationFactory<service::Program>
    {
        private readonly TestDatabase _database;
        private readonly int _port;

        public BenchmarkService(TestDatabase database, int port)
        {
            _database = database;
            _port = port;
            // The factory looks for the service's folder next to the test projects; tell it where it is.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MISSIONCONTROL_APIGATEWAY", Path.Combine(RepositoryRoot.Path, "api-gateway"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var (database, port) = (_database, _port);
            var url = Environment.GetEnvironmentVariable("DATABASE_URL")!;
            var settings = new Dictionary<string, string>
            {
                ["DATABASE_URL"] = url + (url.Contains('?') ? "&" : "?") + "schema=" + database.Schema,
                ["AUTH_MODE"] = "local",
                ["LOCAL_AUTH_TOKEN"] = "bench-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["BASE_URL"] = $"http://127.0.0.1:{port}",
                ["INBOX_KEY_SECRET"] = KeySecret,
                ["INBOX_VISIBILITY_TIMEOUT"] = "1s",
                ["INBOX_MAX_DELIVERIES"] = "1000",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        }
    }
}
