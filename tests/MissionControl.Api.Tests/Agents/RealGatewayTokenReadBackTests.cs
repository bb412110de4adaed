using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Agents;

/// <summary>
/// On the real gateway, under a burst of creations: each agent reads its token the moment its
/// AGENTS.md holds one (the gateway seeds a token-less AGENTS.md of its own first) and checks in
/// with it. The token it can read is the one that authenticates, and it is never replaced later in
/// the same creation.
/// </summary>
public sealed class RealGatewayTokenReadBackTests : IAsyncLifetime
{
    private const int Agents = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly string _workspaces = Path.Combine(Path.GetTempPath(), $"mc-read-back-{Guid.NewGuid():N}");
    private RealGatewayProcess _gateway = null!;
    private MissionControlFactory _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _gateway = await RealGatewayProcess.StartAsync();
        _app = new MissionControlFactory(_database);
        _admin = _app.CreateClient();
        _admin.Timeout = TimeSpan.FromMinutes(2);
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MissionControlFactory.LocalToken);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _gateway.DisposeAsync();
        RemoveWorkspaces();
    }

    /// <summary>
    /// Removes the agents' workspaces under /tmp. A gateway shared by the whole run (CI starts one)
    /// keeps running after this class and may still be writing into a workspace (a run it started,
    /// such as a wake-up on a gateway with a model, records a session there), so a file may appear
    /// while the folder is being removed; what is
    /// left then is a stray folder under /tmp, not a failure of what this class tests.
    /// </summary>
    private void RemoveWorkspaces()
    {
        try
        {
            if (Directory.Exists(_workspaces))
                Directory.Delete(_workspaces, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Given_a_burst_of_creations_When_each_agent_checks_in_with_the_token_the_moment_it_appears_Then_every_token_authenticates_and_stays()
    {
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        var gatewayId = await (await _admin.PostAsJsonAsync("/api/v1/gateways", new
        {
            name = "Real", url = _gateway.Url.ToString(), workspace_root = _workspaces, token = _gateway.Token,
        })).IdOfAsync();
        var boardId = await (await _admin.PostAsJsonAsync("/api/v1/boards", new
        {
            name = "Burst", description = "Read-back under load", gateway_id = gatewayId, max_agents = 100,
        })).IdOfAsync();

        var creations = Enumerable.Range(0, Agents).Select(i => _admin.PostAsJsonAsync("/api/v1/agents", new { board_id = boardId, name = $"Burst {i}" }));
        var agentIds = await Task.WhenAll((await Task.WhenAll(creations)).Select(response => response.IdOfAsync()));
        var checkIns = new ConcurrentDictionary<Guid, (string Token, HttpStatusCode Status)>();
        await Task.WhenAll(agentIds.Select(async id => checkIns[id] = await CheckInWithFirstTokenAsync(id)));
        foreach (var id in agentIds)
            await WaitUntilProvisionedAsync(id);

        Assert.All(agentIds, id => Assert.Equal(HttpStatusCode.OK, checkIns[id].Status));
        Assert.All(agentIds, id => Assert.Equal(checkIns[id].Token, ReadToken(id)));
        foreach (var id in agentIds)
            Assert.Equal(1, await ProvisionAttemptsAsync(id));
    }

    private async Task<(string Token, HttpStatusCode Status)> CheckInWithFirstTokenAsync(Guid agentId)
    {
        string? token = null;
        await Eventually.WaitUntil(() => (token = ReadToken(agentId)) is not null, Patience, $"agent {agentId} finds a token in its AGENTS.md");
        using var client = _app.CreateClient();
        using var response = await AgentCalls.HeartbeatWithTokenAsync(client, agentId, token!);
        return (token!, response.StatusCode);
    }

    private string? ReadToken(Guid agentId)
    {
        var file = Path.Combine(_workspaces, $"workspace-mc-{agentId}", "AGENTS.md");
        try
        {
            return File.Exists(file) ? CredentialsBlock.ReadAuthToken(File.ReadAllText(file)) : null;
        }
        catch (IOException)
        {
            return null; // replaced while being read: look again
        }
    }

    private Task WaitUntilProvisionedAsync(Guid agentId) =>
        Eventually.WaitUntil(async () => (await EventTypesAsync(agentId)).Contains("agent.provision_completed"), Patience, $"agent {agentId} is provisioned");

    private async Task<int> ProvisionAttemptsAsync(Guid agentId) =>
        (await EventTypesAsync(agentId)).Count(type => type == "agent.provision_started");

    private Task<List<string>> EventTypesAsync(Guid agentId) => AgentCalls.EventTypesAsync(_admin, agentId);
}
