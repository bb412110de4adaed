using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Identity;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests;

public sealed class GatewayConfigGrainTests
{
    [Fact]
    public async Task Given_200_agents_on_two_silos_When_their_heartbeats_are_queued_together_Then_few_rounds_write_every_entry()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await StartAsync(gateway, silos: 2);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            cluster.Silos[i % 2].Grains.GetGrain<IGatewayConfigGrain>("gw-1").WriteHeartbeat(Heartbeat($"mc-{i}", "10m"))));

        Assert.Equal(200, HeartbeatsOn(gateway).Count(h => h.Every == "10m"));
        Assert.InRange(gateway.State.ConfigPatchCalls, 1, 20);
        // Rounds from the two silos never overlapped, so no patch was refused for a stale hash.
        Assert.Equal(gateway.State.ConfigPatchCalls, gateway.State.ConfigWrites);
    }

    [Fact]
    public async Task Given_a_concurrent_writer_When_the_round_hits_a_stale_hash_Then_it_retries_from_fresh_config_and_keeps_both()
    {
        await using var gateway = FakeGateway.Start();
        gateway.State.WriteConfig(config => config["gateway"] = new JsonObject { ["mode"] = "local" });
        gateway.Faults.StaleHashOnNextPatches(2);
        await using var cluster = await StartAsync(gateway, silos: 1);

        var result = await cluster.Primary.Grains.GetGrain<IGatewayConfigGrain>("gw-2").WriteHeartbeat(Heartbeat("mc-a", "5m"));

        Assert.True(result.Patched);
        Assert.Equal(3, result.Rounds);
        Assert.Equal("5m", HeartbeatsOn(gateway).Single().Every);
        Assert.Equal("local", (string?)gateway.State.ConfigSnapshot()["gateway"]?["mode"]);
    }

    [Fact]
    public async Task Given_an_unreachable_gateway_When_a_heartbeat_is_queued_Then_the_ticket_fails_with_a_typed_error_instead_of_hanging()
    {
        await using var gateway = FakeGateway.Start();
        gateway.Faults.RejectUpgrades(1000);
        await using var cluster = await StartAsync(gateway, silos: 1);

        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            cluster.Primary.Grains.GetGrain<IGatewayConfigGrain>("gw-3").WriteHeartbeat(Heartbeat("mc-b", "10m")).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("Gateway unreachable after", error.Message);
        // The round's error arrives whole: a retry policy upstream can still tell what happened.
        Assert.Equal(GatewayErrorKind.Unreachable, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Empty(HeartbeatsOn(gateway));
    }

    [Fact]
    public async Task Given_a_gateway_that_cannot_be_resolved_When_heartbeats_are_queued_Then_each_fails_and_later_ones_are_not_left_waiting()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await TestCluster.StartAsync(1,
            _ => { },
            services => services
                .AddSingleton<IGatewayConnections>(new UnknownGatewayConnections())
                .AddSingleton(new GatewayConfigOptions())
                .AddSingleton(sp => new GatewayClientPool(sp.GetRequiredService<IDeviceIdentityStore>(), FastClientSettings.Resilience)));
        var config = cluster.Primary.Grains.GetGrain<IGatewayConfigGrain>("gw-gone");

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => config.WriteHeartbeat(Heartbeat("mc-c", "10m")).WaitAsync(TimeSpan.FromSeconds(60)));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => config.WriteHeartbeat(Heartbeat("mc-d", "10m")).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(UnknownGatewayConnections.Message, first.Message);
        Assert.Equal(UnknownGatewayConnections.Message, second.Message);
        Assert.Empty(HeartbeatsOn(gateway));
    }

    private sealed class UnknownGatewayConnections : IGatewayConnections
    {
        public const string Message = "No such gateway.";

        public Task<GatewayClientOptions> ResolveAsync(string gatewayId, CancellationToken ct) => throw new InvalidOperationException(Message);
    }

    private static AgentHeartbeat Heartbeat(string agentId, string every) =>
        new(agentId, new HeartbeatSettings { Every = every, Target = "none" });

    private static List<(string Agent, string? Every)> HeartbeatsOn(FakeGateway gateway)
    {
        var entries = gateway.State.ConfigSnapshot()["agents"]?["entries"] as JsonObject ?? [];
        return entries.Select(e => (e.Key, (string?)e.Value?["heartbeat"]?["every"])).ToList();
    }

    private static Task<TestCluster> StartAsync(FakeGateway gateway, int silos) =>
        TestCluster.StartAsync(silos,
            _ => { },
            services => services
                .AddSingleton<IGatewayConnections>(new FixedGatewayConnections(gateway))
                .AddSingleton(new GatewayConfigOptions())
                .AddSingleton(sp => new GatewayClientPool(sp.GetRequiredService<IDeviceIdentityStore>(), FastClientSettings.Resilience)));
}
