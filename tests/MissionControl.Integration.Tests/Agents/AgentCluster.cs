using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Resilience;
using MissionControl.ReadModels;
using MissionControl.Runtime;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Agents;

/// <summary>Silos hosting agent grains against one fake gateway, with lifecycle times scaled down.</summary>
public static class AgentCluster
{
    public static AgentOptions FastOptions() => new()
    {
        OfflineAfter = TimeSpan.FromMinutes(10),
        OfflineSweepEvery = TestCluster.MinimumReminderPeriod,
        BaseUrl = "https://mc.example.test",
        // The product's rule (see AgentOptions): longer than one step's retry budget. At 1 s a
        // step slowed by a busy machine was taken for an interrupted attempt by a watch firing on
        // the other silo, which then retried with a fresh token under the test's feet.
        ProvisionStuckAfter = FastClientSettings.Resilience.InteractiveBudget + TimeSpan.FromSeconds(1),
        CheckInWindow = TimeSpan.FromMinutes(10),
        TokenHashIterations = 1000,
    };

    public static Task<TestCluster> StartAsync(FakeGateway gateway, int silos, AgentOptions? options = null, IAgentDeparture? departure = null) =>
        StartAsync(silos, new FixedGatewayConnections(gateway), new FixedAgentSurroundings(gateway), FastClientSettings.Resilience, options, departure);

    public static Task<TestCluster> StartAsync(
        int silos,
        IGatewayConnections connections,
        IAgentSurroundings surroundings,
        GatewayResilienceOptions resilience,
        AgentOptions? options = null,
        IAgentDeparture? departure = null) =>
        TestCluster.StartAsync(silos,
            silo => silo.AddEventsFrom(typeof(AgentGrain).Assembly)
                .AddReadModels()
                ,
            services => services
                .AddSingleton(options ?? FastOptions())
                .AddSingleton(connections)
                .AddSingleton(new GatewayConfigOptions())
                .AddSingleton(sp => new GatewayClientPool(sp.GetRequiredService<IDeviceIdentityStore>(), resilience))
                .AddSingleton<WorkspaceProvisioner>()
                .AddSingleton<GatewayLanes>()
                .AddSingleton(surroundings)
                .AddSingleton(departure ?? new RecordingDeparture()));

    public static IAgentGrain Agent(this TestCluster cluster, Guid agentId, int silo = 0) =>
        cluster.Silos[silo].Grains.GetGrain<IAgentGrain>(agentId.ToString());

    public static async Task<IReadOnlyList<AgentEvent>> EventsAsync(this TestCluster cluster, Guid agentId)
    {
        var recorded = await cluster.Silos.First(s => !s.IsStopped).Services.GetRequiredService<IEventStore>().ReadStreamAsync($"agent-{agentId}", 0);
        return recorded.Select(e => (AgentEvent)e.Data).ToList();
    }

    public static async Task<string> StatusAfterProvisioningAsync(this TestCluster cluster, Guid agentId, int silo = 0, TimeSpan? timeout = null)
    {
        AgentSnapshot? snapshot = null;
        await Eventually.WaitUntil(async () =>
        {
            snapshot = await cluster.Agent(agentId, silo).Get();
            return snapshot?.LastProvision is { Outcome: not "in_progress" };
        }, timeout ?? TimeSpan.FromSeconds(30), "the provision attempt settles");
        return snapshot!.Status;
    }

    /// <summary>The hash of the agent's current token, from its stream.</summary>
    public static async Task<string> CurrentTokenHashAsync(this TestCluster cluster, Guid agentId) =>
        (await cluster.CurrentTokenAsync(agentId)).Hash;

    /// <summary>The hash and lookup key of the agent's current token, from its stream.</summary>
    public static async Task<(string Hash, string? Lookup)> CurrentTokenAsync(this TestCluster cluster, Guid agentId)
    {
        var events = await cluster.EventsAsync(agentId);
        return events.Select(e => e switch
        {
            AgentCreated c => (c.TokenHash, c.TokenLookup),
            AgentTokenRotated r => (r.TokenHash, r.TokenLookup),
            _ => ((string, string?)?)null,
        }).Last(token => token is not null)!.Value;
    }

    public static NewAgent Worker(Guid agentId, string name = "Scout") => new(agentId, name, Guid.NewGuid(), Guid.NewGuid());
}
