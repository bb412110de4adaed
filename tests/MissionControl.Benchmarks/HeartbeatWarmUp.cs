using System.Diagnostics;
using System.Net;

namespace MissionControl.Benchmarks;

/// <summary>
/// Sends one heartbeat per token so every token has been proven (its one PBKDF2 spent) before
/// anything is measured, and checks that every one was accepted.
/// </summary>
internal static class HeartbeatWarmUp
{
    private const int Concurrency = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var baseUrl = new Uri(options.Text("url"));
        var tokens = await File.ReadAllLinesAsync(options.Text("tokens"));
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

        var watch = Stopwatch.StartNew();
        var failures = 0;
        await Parallel.ForEachAsync(tokens, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (token, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agent/heartbeat");
            request.Headers.Add("X-Agent-Token", token);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
                Interlocked.Increment(ref failures);
        });
        Console.WriteLine($"warm-up: {tokens.Length} heartbeats, one per token, in {watch.Elapsed.TotalSeconds:0.0} s; " +
                          $"{tokens.Length - failures} accepted, {failures} refused");
        return failures == 0 ? 0 : 1;
    }
}
