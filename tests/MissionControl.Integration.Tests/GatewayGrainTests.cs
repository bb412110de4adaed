using System.Text.Json;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;
using static MissionControl.Integration.Tests.Entities;

namespace MissionControl.Integration.Tests;

public sealed class GatewayGrainTests(EntityGrainCluster fixture) : IClassFixture<EntityGrainCluster>
{
    private IGatewayGrain On(int silo, Guid id) => fixture.Silo(silo).Grain<IGatewayGrain>(id);

    [Fact]
    public async Task Given_a_gateway_registered_on_one_silo_When_read_on_another_Then_it_is_there_without_its_token()
    {
        var (id, org) = (Guid.NewGuid(), Guid.NewGuid());

        var registered = await On(0, id).Register(NewGateway(org) with { AllowInsecureTls = true });
        var read = await On(1, id).Get();

        Assert.Equal(registered, read);
        Assert.Equal((id, org, "Home gateway", "ws://127.0.0.1:18789", "/srv/workspaces"), (read.Id, read.OrganizationId, read.Name, read.Url, read.WorkspaceRoot));
        Assert.True(read.HasToken);
        Assert.True(read.AllowInsecureTls);
        AssertNoToken(read, GatewayToken);
    }

    [Fact]
    public async Task Given_a_gateway_When_its_token_is_replaced_Then_only_the_connection_carries_the_new_token()
    {
        var id = Guid.NewGuid();
        await On(0, id).Register(NewGateway(Guid.NewGuid()));

        var updated = await On(0, id).Update(new GatewayChanges { Token = "rotated-secret-42", DisableDevicePairing = true });
        var connection = await On(1, id).GetConnection();

        AssertNoToken(updated, "rotated-secret-42");
        AssertNoToken(await On(1, id).Get(), "rotated-secret-42");
        Assert.Equal("rotated-secret-42", connection.Token);
        Assert.True(connection.DisableDevicePairing);
        Assert.Equal(("ws://127.0.0.1:18789", "/srv/workspaces"), (connection.Url, connection.WorkspaceRoot));
    }

    [Fact]
    public void Given_requests_and_connection_details_carrying_a_token_When_printed_Then_the_token_is_masked()
    {
        var printed = string.Join("\n",
            NewGateway(Guid.NewGuid()).ToString(),
            new GatewayChanges { Token = GatewayToken }.ToString(),
            new GatewayConnectionDetails(Guid.NewGuid(), "ws://x", GatewayToken, false, false, "/w").ToString());

        Assert.DoesNotContain(GatewayToken, printed);
        Assert.Contains("Token = ***", printed);
    }

    [Fact]
    public async Task Given_a_gateway_When_a_blank_token_is_given_Then_it_has_no_token_any_more()
    {
        var id = Guid.NewGuid();
        await On(0, id).Register(NewGateway(Guid.NewGuid()));

        var updated = await On(1, id).Update(new GatewayChanges { Token = " " });

        Assert.False(updated.HasToken);
        Assert.Null((await On(0, id).GetConnection()).Token);
    }

    [Fact]
    public async Task Given_no_gateway_When_registered_with_an_http_url_Then_validation_error_and_nothing_is_stored()
    {
        var id = Guid.NewGuid();

        var error = await Refused(DomainErrorKind.Validation, () => On(0, id).Register(NewGateway(Guid.NewGuid()) with { Url = "http://gw.test" }));

        Assert.Equal("url must be a ws:// or wss:// URL", error.Detail);
        await Refused(DomainErrorKind.NotFound, () => On(1, id).Get());
    }

    [Fact]
    public async Task Given_a_registered_gateway_When_registered_again_from_another_silo_Then_conflict()
    {
        var id = Guid.NewGuid();
        await On(0, id).Register(NewGateway(Guid.NewGuid()));

        var error = await Refused(DomainErrorKind.Conflict, () => On(1, id).Register(NewGateway(Guid.NewGuid())));

        Assert.Equal("Gateway already exists", error.Detail);
    }

    [Fact]
    public async Task Given_a_deleted_gateway_When_read_updated_or_connected_to_Then_not_found_and_deleting_again_is_harmless()
    {
        var id = Guid.NewGuid();
        await On(0, id).Register(NewGateway(Guid.NewGuid()));

        await On(0, id).Delete();

        var error = await Refused(DomainErrorKind.NotFound, () => On(1, id).Get());
        Assert.Equal("Gateway not found", error.Detail);
        await Refused(DomainErrorKind.NotFound, () => On(1, id).GetConnection());
        await Refused(DomainErrorKind.NotFound, () => On(0, id).Update(new GatewayChanges { Name = "again" }));
        await On(1, id).Delete();
    }

    [Fact]
    public async Task Given_no_gateway_When_deleted_or_given_a_main_agent_Then_not_found()
    {
        await Refused(DomainErrorKind.NotFound, () => On(0, Guid.NewGuid()).Delete());
        await Refused(DomainErrorKind.NotFound, () => On(0, Guid.NewGuid()).AssignMainAgent(Guid.NewGuid()));
    }

    [Fact]
    public async Task Given_a_key_that_is_not_a_canonical_guid_When_registered_Then_not_found_so_no_second_stream_exists()
    {
        var upper = Guid.NewGuid().ToString().ToUpperInvariant();

        await Refused(DomainErrorKind.NotFound, () => fixture.Silo(0).GetGrain<IGatewayGrain>(upper).Register(NewGateway(Guid.NewGuid())));
        await Refused(DomainErrorKind.NotFound, () => fixture.Silo(0).GetGrain<IGatewayGrain>("gw-1").Register(NewGateway(Guid.NewGuid())));
    }

    [Fact]
    public async Task Given_a_silo_that_looked_before_the_gateway_existed_When_another_silo_registers_it_Then_the_first_can_change_it()
    {
        var id = Guid.NewGuid();
        await Refused(DomainErrorKind.NotFound, () => On(1, id).Get()); // silo 1 now holds "no gateway" in memory
        await On(0, id).Register(NewGateway(Guid.NewGuid()));

        var assigned = await On(1, id).AssignMainAgent(Guid.NewGuid());

        Assert.NotNull(assigned.MainAgentId);
    }

    [Fact]
    public async Task Given_two_silos_changing_different_fields_at_once_When_repeated_Then_every_change_is_kept()
    {
        var id = Guid.NewGuid();
        await On(0, id).Register(NewGateway(Guid.NewGuid()));
        await On(1, id).Get();

        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(
                On(0, id).Update(new GatewayChanges { Name = $"name-{round}" }),
                On(1, id).Update(new GatewayChanges { WorkspaceRoot = $"/srv/round-{round}" }));

            var view = await On(round % 2, id).Get();
            Assert.Equal(($"name-{round}", $"/srv/round-{round}"), (view.Name, view.WorkspaceRoot));
        }
    }

    [Fact]
    public async Task Given_a_gateway_written_by_a_silo_that_then_stopped_When_a_new_silo_starts_Then_it_sees_the_gateway()
    {
        await using var cluster = await EntityGrainCluster.StartAsync(1);
        var (id, agent) = (Guid.NewGuid(), Guid.NewGuid());
        await cluster.Primary.Grains.Grain<IGatewayGrain>(id).Register(NewGateway(Guid.NewGuid()));
        await cluster.Primary.Grains.Grain<IGatewayGrain>(id).AssignMainAgent(agent);
        await cluster.Primary.KillAsync();

        var fresh = await cluster.StartSiloAsync();
        var view = await fresh.Grains.Grain<IGatewayGrain>(id).Get();

        Assert.Equal(agent, view.MainAgentId);
        Assert.Equal(GatewayToken, (await fresh.Grains.Grain<IGatewayGrain>(id).GetConnection()).Token);
    }

    private static void AssertNoToken(GatewayView view, string token)
    {
        Assert.DoesNotContain(token, JsonSerializer.Serialize(view));
        Assert.DoesNotContain(token, view.ToString());
        Assert.DoesNotContain(typeof(GatewayView).GetProperties(), p => p.Name.Contains("Token", StringComparison.Ordinal) && p.PropertyType == typeof(string));
    }
}
