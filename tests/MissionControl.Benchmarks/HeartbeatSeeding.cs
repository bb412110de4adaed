using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Security;
using MissionControl.ReadModels;
using MissionControl.Runtime;
using MissionControl.Silo.Hosting;
using MissionControl.Silo.Persistence;

namespace MissionControl.Benchmarks;

/// <summary>
/// Seeds agents for the heartbeat benchmark: each gets a freshly minted token, stored as a real
/// <c>pbkdf2_sha256$&lt;iterations&gt;$…</c> hash with its lookup key, through the event store and
/// its inline projections, exactly as an agent.created decision would append it. No gateway is
/// involved (provisioning is not what the benchmark measures), so the agents stay "provisioning"
/// until their first heartbeat. The raw tokens go to a file, one per line, for the load generator.
/// </summary>
internal static class HeartbeatSeeding
{
    private const int Writers = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var agents = options.Int("agents", 10_000);
        var iterations = options.Int("iterations", 1_000);
        var tokensFile = options.Text("tokens");
        var url = Environment.GetEnvironmentVariable("DATABASE_URL")
            ?? throw new InvalidOperationException("DATABASE_URL is not set");

        await using var services = BuildServices(DatabaseUrl.ToConnectionString(url));
        await services.GetRequiredService<Migrator>().ApplyAsync(CancellationToken.None);
        var store = services.GetRequiredService<IEventStore>();

        var watch = Stopwatch.StartNew();
        var gatewayId = Guid.NewGuid();
        var boardId = Guid.NewGuid();
        var tokens = new string[agents];
        await Parallel.ForAsync(0, agents, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (i, ct) =>
        {
            tokens[i] = AgentTokens.Mint();
            await AppendCreatedAsync(store, tokens[i], iterations, gatewayId, boardId, i, ct);
        });
        await File.WriteAllLinesAsync(tokensFile, tokens);
        Console.WriteLine($"seeded {agents} agents in {watch.Elapsed.TotalSeconds:0.0} s " +
                          $"(token hashes: pbkdf2_sha256 with {iterations} iterations; minted agents get {AgentTokens.DefaultIterations})");
        return 0;
    }

    private static Task AppendCreatedAsync(
        IEventStore store, string token, int iterations, Guid gatewayId, Guid boardId, int index, CancellationToken ct)
    {
        var agentId = Guid.NewGuid();
        var created = new AgentCreated(
            agentId, $"bench-agent-{index:D5}", boardId, gatewayId, IsBoardLead: false,
            SessionKeys.ForBoardAgent(agentId), AgentTokens.Hash(token, iterations),
            AgentDefaults.HeartbeatConfig(), IdentityProfile: null, IdentityTemplate: null, SoulTemplate: null,
            DateTimeOffset.UtcNow)
        {
            TokenLookup = AgentTokens.LookupKey(token),
        };
        return store.AppendAsync($"agent-{agentId}", 0, [created], new EventMetadata("bench-seed", null), ct);
    }

    private static ServiceProvider BuildServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddMissionControlSilo(connectionString, silo => silo.AddMissionControlDomain());
        return services.BuildServiceProvider();
    }
}
