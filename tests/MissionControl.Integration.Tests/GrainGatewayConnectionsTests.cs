using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Identity;
using static MissionControl.Integration.Tests.Entities;

namespace MissionControl.Integration.Tests;

public sealed class GrainGatewayConnectionsTests(EntityGrainCluster fixture) : IClassFixture<EntityGrainCluster>
{
    private IGatewayConnections Connections(int silo) =>
        fixture.Cluster.Silos[silo].Services.GetRequiredService<IGatewayConnections>();

    [Fact]
    public void Given_the_entity_grain_services_When_a_silo_asks_for_gateway_connections_Then_it_gets_the_grain_backed_one()
    {
        Assert.IsType<GrainGatewayConnections>(Connections(0));
    }

    [Fact]
    public async Task Given_a_registered_gateway_When_resolved_on_another_silo_Then_the_options_carry_its_url_and_token()
    {
        var id = Guid.NewGuid();
        await fixture.Silo(0).Grain<IGatewayGrain>(id).Register(NewGateway(Guid.NewGuid()) with { Url = "wss://gw.example.test:18789" });

        var options = await Connections(1).ResolveAsync(id.ToString(), CancellationToken.None);

        Assert.Equal((id.ToString(), new Uri("wss://gw.example.test:18789"), GatewayToken), (options.GatewayId, options.Url, options.Token));
        Assert.Equal(DeviceIdentityMode.Auto, options.DeviceIdentity);
        Assert.True(options.UsesDeviceIdentity); // a remote gateway needs the device signature
    }

    [Fact]
    public async Task Given_a_gateway_without_token_and_with_pairing_disabled_When_resolved_Then_no_token_and_no_device_identity()
    {
        var id = Guid.NewGuid();
        await fixture.Silo(0).Grain<IGatewayGrain>(id).Register(NewGateway(Guid.NewGuid(), token: null) with { DisableDevicePairing = true, Url = "wss://gw.example.test" });

        var options = await Connections(0).ResolveAsync(id.ToString(), CancellationToken.None);

        Assert.Equal(string.Empty, options.Token);
        Assert.Equal(DeviceIdentityMode.Never, options.DeviceIdentity);
        Assert.False(options.UsesDeviceIdentity);
    }

    [Fact]
    public async Task Given_a_gateway_whose_url_changed_on_another_silo_When_resolved_Then_the_new_url_is_used()
    {
        var id = Guid.NewGuid();
        await fixture.Silo(0).Grain<IGatewayGrain>(id).Register(NewGateway(Guid.NewGuid()));
        await Connections(1).ResolveAsync(id.ToString(), CancellationToken.None);

        await fixture.Silo(0).Grain<IGatewayGrain>(id).Update(new GatewayChanges { Url = "ws://127.0.0.1:28789" });

        Assert.Equal(new Uri("ws://127.0.0.1:28789"), (await Connections(1).ResolveAsync(id.ToString(), CancellationToken.None)).Url);
    }

    [Fact]
    public async Task Given_a_deleted_unknown_or_malformed_gateway_id_When_resolved_Then_not_found()
    {
        var deleted = Guid.NewGuid();
        await fixture.Silo(0).Grain<IGatewayGrain>(deleted).Register(NewGateway(Guid.NewGuid()));
        await fixture.Silo(0).Grain<IGatewayGrain>(deleted).Delete();

        foreach (var gatewayId in new[] { deleted.ToString(), Guid.NewGuid().ToString(), "not-a-gateway" })
        {
            var error = await Refused(DomainErrorKind.NotFound, () => Connections(1).ResolveAsync(gatewayId, CancellationToken.None));
            Assert.Equal("Gateway not found", error.Detail);
        }
    }

    [Fact]
    public async Task Given_a_gateway_registered_with_a_fake_gateways_address_When_a_heartbeat_is_queued_Then_the_config_grain_writes_it_there()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await EntityGrainCluster.StartAsync(1, services => services
            .AddSingleton(new GatewayConfigOptions())
            .AddSingleton(sp => new GatewayClientPool(sp.GetRequiredService<IDeviceIdentityStore>(), FastClientSettings.Resilience)));
        var id = Guid.NewGuid();
        await cluster.Primary.Grains.Grain<IGatewayGrain>(id).Register(
            new NewGateway(Guid.NewGuid(), "Fake", gateway.Url.ToString(), "/srv/ws") { Token = gateway.Token });

        await cluster.Primary.Grains.GetGrain<IGatewayConfigGrain>(id.ToString())
            .WriteHeartbeat(new AgentHeartbeat("mc-a", new HeartbeatSettings { Every = "7m", Target = "none" }))
            .WaitAsync(TimeSpan.FromSeconds(60));

        var entries = gateway.State.ConfigSnapshot()["agents"]?["entries"] as JsonObject;
        Assert.Equal("7m", (string?)entries?["mc-a"]?["heartbeat"]?["every"]);
    }
}
