using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.ApiGateway.Authentication;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.OpenClaw.Resilience;
using MissionControl.ReadModels.Queries;
using MissionControl.Silo.Hosting;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;
using Orleans;

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
        _app = new MissionControlFactory(_database).WithWebHostBuilder(web => web.ConfigureTestServices(services => services
            .AddSingleton<GatewayResilienceOptions>(FastClientSettings.Resilience)
            .AddSingleton(sp => new CountingDirectory(new ReadModelAgentTokenDirectory(sp.GetRequiredService<AgentQueries>())))
            .AddSingleton<IAgentTokenDirectory>(sp => sp.GetRequiredService<CountingDirectory>())));
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

    [Fact]
    public async Task Given_a_token_already_proven_When_the_agent_keeps_sending_heartbeats_Then_no_directory_read_is_made_for_them_but_other_routes_still_read()
    {
        var agentId = await ProvisionWorkerAsync();
        var token = TokenOf(agentId);
        var client = _app.CreateClient();
        var directory = _app.Services.GetRequiredService<CountingDirectory>();

        Assert.Equal(HttpStatusCode.OK, (await SendHeartbeatAsync(client, "X-Agent-Token", token)).StatusCode);
        var afterFirst = directory.Lookups;
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendHeartbeatAsync(client, "X-Agent-Token", token)).StatusCode);
        var afterHeartbeats = directory.Lookups;
        using var healthz = new HttpRequestMessage(HttpMethod.Get, "/api/v1/agent/healthz");
        healthz.Headers.Add("X-Agent-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(healthz)).StatusCode);

        Assert.Equal(1, afterFirst);
        Assert.Equal(afterFirst, afterHeartbeats);
        Assert.Equal(afterFirst + 1, directory.Lookups);
    }

    [Fact]
    public async Task Given_a_token_proven_by_earlier_heartbeats_When_an_update_rotates_it_Then_the_old_token_is_refused_at_once_and_the_new_one_checks_in()
    {
        var agentId = await ProvisionWorkerAsync();
        var oldToken = TokenOf(agentId);
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await SendHeartbeatAsync(client, "X-Agent-Token", oldToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendHeartbeatAsync(client, "X-Agent-Token", oldToken)).StatusCode);

        var agent = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IAgentGrain>(agentId.ToString());
        await agent.Update(new AgentChanges { Name = "Walker Renamed" });
        var refused = await SendHeartbeatAsync(client, "X-Agent-Token", oldToken);
        await Eventually.WaitUntil(async () => (await agent.Get())?.LastProvision is { Outcome: "completed" },
            TimeSpan.FromSeconds(30), "the update is provisioned");
        var newToken = TokenOf(agentId);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Unauthorized", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(HttpStatusCode.OK, (await SendHeartbeatAsync(client, "X-Agent-Token", newToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendHeartbeatAsync(client, "X-Agent-Token", oldToken)).StatusCode);
    }

    [Fact]
    public async Task Given_a_token_proven_by_earlier_heartbeats_When_its_agent_is_deleted_Then_its_heartbeat_is_refused()
    {
        var agentId = await ProvisionWorkerAsync();
        var token = TokenOf(agentId);
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await SendHeartbeatAsync(client, "X-Agent-Token", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendHeartbeatAsync(client, "X-Agent-Token", token)).StatusCode);

        Assert.True((await _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IAgentGrain>(agentId.ToString()).Delete()).Deleted);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendHeartbeatAsync(client, "X-Agent-Token", token)).StatusCode);
    }

    private string TokenOf(Guid agentId) =>
        CredentialsBlock.ReadAuthToken(_gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"])!;

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

/// <summary>The real directory, counting its reads.</summary>
public sealed class CountingDirectory(IAgentTokenDirectory inner) : IAgentTokenDirectory
{
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public Task<IReadOnlyList<MissionControl.ApiGateway.Authentication.AgentTokenCandidate>> FindByLookupAsync(string lookupKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return inner.FindByLookupAsync(lookupKey, cancellationToken);
    }
}
