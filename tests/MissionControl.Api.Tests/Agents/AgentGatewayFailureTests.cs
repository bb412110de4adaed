using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Agents;

/// <summary>
/// Routes whose work needs the gateway answer 502 "Gateway &lt;operation&gt; failed: …" when it
/// refuses. The fake refuses by granting the connection no scopes at all; each test restores it.
/// </summary>
public sealed class AgentGatewayFailureTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_a_gateway_that_refuses_chat_When_a_lead_nudges_Then_502_gateway_nudge_failed()
    {
        var scene = await AgentScene.CreateAsync(world);
        var chats = world.Gateway.State.Chats.Count;
        await using var refusing = Refusing();

        var response = await scene.ClientFor(scene.Lead).PostAsJsonAsync(
            $"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}/nudge", new { message = "wake up" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Gateway nudge failed: ", await response.DetailAsync());
        Assert.Equal(chats, world.Gateway.State.Chats.Count);
    }

    [Fact]
    public async Task Given_a_gateway_that_refuses_reads_When_a_soul_is_read_Then_502_gateway_soul_read_failed()
    {
        var scene = await AgentScene.CreateAsync(world);
        await using var refusing = Refusing();

        var response = await scene.ClientFor(scene.Lead).GetAsync($"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}/soul");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Gateway SOUL read failed: ", await response.DetailAsync());
    }

    [Fact]
    public async Task Given_a_gateway_that_refuses_writes_When_a_soul_is_put_Then_502_gateway_soul_update_failed()
    {
        var scene = await AgentScene.CreateAsync(world);
        await using var refusing = Refusing();

        var response = await scene.ClientFor(scene.Lead).PutAsJsonAsync(
            $"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}/soul", new { content = "# Steady" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Gateway SOUL update failed: ", await response.DetailAsync());
    }

    [Fact]
    public async Task Given_a_gateway_that_refuses_cleanup_When_an_admin_deletes_an_agent_Then_502_and_the_agent_stays_deleting()
    {
        var scene = await AgentScene.CreateAsync(world);
        HttpResponseMessage response;
        await using (Refusing())
            response = await scene.AdminClient().DeleteAsync($"/api/v1/agents/{scene.Worker.Id}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Gateway cleanup failed: ", await response.DetailAsync());
        Assert.Equal("deleting", (await scene.Grain(scene.Worker.Id).GetPresence()).Status);
    }

    [Fact]
    public async Task Given_a_gateway_that_refuses_cleanup_When_a_lead_deletes_a_worker_Then_502_gateway_cleanup_failed()
    {
        var scene = await AgentScene.CreateAsync(world);
        HttpResponseMessage response;
        await using (Refusing())
            response = await scene.ClientFor(scene.Lead).DeleteAsync($"/api/v1/agent/boards/{scene.BoardId}/agents/{scene.Worker.Id}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Gateway cleanup failed: ", await response.DetailAsync());
    }

    // New connections get no scopes, so every call fails with a non-transient "missing scope".
    private RefusingGateway Refusing()
    {
        world.Gateway.Faults.GrantedScopes = [];
        world.Gateway.DropAllConnections();
        return new RefusingGateway(world);
    }

    private sealed class RefusingGateway(World world) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            world.Gateway.Faults.GrantedScopes = null;
            world.Gateway.DropAllConnections();
            return ValueTask.CompletedTask;
        }
    }
}
