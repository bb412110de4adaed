using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.OpenClaw.Resilience;
using MissionControl.Runtime;
using MissionControl.Silo.Hosting;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;

namespace MissionControl.Api.Tests;

/// <summary>
/// The whole path an agent takes: provisioned through the grains onto a fake gateway, it reads its
/// token back from its workspace and checks in over HTTP with it.
/// </summary>
public sealed class AgentHeartbeatApiTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private FakeGateway _gateway = null!;
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        _gateway = FakeGateway.Start();
        _app = new MissionControlFactory(_database).WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<GatewayResilienceOptions>(FastClientSettings.Resilience)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Given_a_provisioned_agent_When_it_sends_a_heartbeat_with_the_token_from_its_workspace_Then_it_is_online_and_a_wrong_token_is_refused()
    {
        var agentId = await ProvisionWorkerAsync();
        var token = CredentialsBlock.ReadAuthToken(_gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"])!;
        var client = _app.CreateClient();

        var first = await SendHeartbeatAsync(client, "X-Agent-Token", token);
        var second = await SendHeartbeatAsync(client, "Authorization", $"Bearer {token}");
        var wrong = await SendHeartbeatAsync(client, "X-Agent-Token", token[..^2] + "xy");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(agentId.ToString(), body.GetProperty("id").GetString());
        Assert.Equal("online", body.GetProperty("status").GetString());
        Assert.Equal($"agent:mc-{agentId}:main", body.GetProperty("openclaw_session_id").GetString());
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("last_seen_at").ValueKind);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var grain = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IAgentGrain>(agentId.ToString());
        Assert.Equal("online", (await grain.GetPresence()).Status);
    }

    [Fact]
    public async Task Given_an_agent_token_When_it_asks_for_agent_healthz_Then_it_learns_who_it_is()
    {
        var agentId = await ProvisionWorkerAsync();
        var token = CredentialsBlock.ReadAuthToken(_gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"])!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/agent/healthz");
        request.Headers.Add("X-Agent-Token", token);

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(agentId.ToString(), body.GetProperty("agent_id").GetString());
        Assert.False(body.GetProperty("is_board_lead").GetBoolean());
    }

    private static async Task<HttpResponseMessage> SendHeartbeatAsync(HttpClient client, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agent/heartbeat");
        request.Headers.TryAddWithoutValidation(header, value);
        return await client.SendAsync(request);
    }

    private async Task<Guid> ProvisionWorkerAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            await _app.Services.GetRequiredService<DatabaseReadiness>().WhenMigrated(timeout.Token);
        var grains = _app.Services.GetRequiredService<IGrainFactory>();
        var organizationId = Guid.NewGuid();
        var gatewayId = Guid.NewGuid();
        await grains.GetGrain<IGatewayGrain>(gatewayId.ToString())
            .Register(new NewGateway(organizationId, "Fake", _gateway.Url.ToString(), "/srv/workspaces") { Token = _gateway.Token });
        await _app.Services.GetRequiredService<AgentPlacement>().EnsureGatewayMainAsync(gatewayId);
        var boardId = Guid.NewGuid();
        await grains.GetGrain<IBoardGrain>(boardId.ToString()).Create(new NewBoard(organizationId, "Board", "A board", gatewayId));
        var agentId = Guid.NewGuid();
        var agent = grains.GetGrain<IAgentGrain>(agentId.ToString());
        await agent.Register(new NewAgent(agentId, "Walker", boardId, gatewayId));
        await Eventually.WaitUntil(async () => (await agent.Get())?.LastProvision is { Outcome: "completed" },
            TimeSpan.FromSeconds(30), "the agent is provisioned");
        return agentId;
    }
}
