using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MissionControl.Api.Tests.Support;
using MissionControl.Fakes;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Agents;

/// <summary>
/// A provisioning run goes on beside the agent's grain, not in its turn: creating answers while the
/// gateway is still busy, the agent can be read and can check in meanwhile, one stuck gateway holds
/// up no agent of another, and deleting stops the run before it cleans the gateway. The fake
/// gateways hold a method's answers until released, so nothing here depends on timing.
/// </summary>
public sealed class ProvisioningInBackgroundTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TestDatabase _database = TestDatabase.Create();
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        // The default client budget (45 s a call): a held call is released long before it runs out.
        // Four runs a gateway, so a test can fill a gateway's lane with few agents.
        _app = new MissionControlFactory(_database, new Dictionary<string, string?> { ["PROVISIONS_PER_GATEWAY"] = "4" });
        _admin = _app.CreateClient();
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MissionControlFactory.LocalToken);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Given_a_gateway_that_holds_file_writes_When_an_agent_is_created_Then_it_answers_provisioning_and_can_be_read_and_check_in_before_the_run_ends()
    {
        await using var gateway = FakeGateway.Start();
        var boardId = await BoardOnAsync(gateway);
        gateway.Faults.Hold("agents.files.set");

        var created = await _admin.PostAsJsonAsync("/api/v1/agents", new { board_id = boardId, name = "Patient" });
        var body = await created.JsonAsync();
        var agentId = body.GetProperty("id").GetGuid();
        var read = await _admin.GetAsync($"/api/v1/agents/{agentId}");
        var checkIn = await _admin.PostAsJsonAsync($"/api/v1/agents/{agentId}/heartbeat", new { });
        var eventsWhileHeld = await EventTypesAsync(agentId);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("provisioning", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.DoesNotContain("agent.provision_completed", eventsWhileHeld);
        gateway.Faults.Release("agents.files.set");
        await WaitUntilSettledAsync(agentId, "agent.provision_completed");
        var token = CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"]);
        Assert.Equal(HttpStatusCode.OK, (await HeartbeatAsAgentAsync(agentId, token!)).StatusCode);
    }

    [Fact]
    public async Task Given_one_gateway_stuck_in_agents_create_When_agents_are_created_on_it_and_on_another_Then_the_other_gateways_agent_is_provisioned_meanwhile()
    {
        await using var stuck = FakeGateway.Start();
        await using var healthy = FakeGateway.Start();
        var stuckBoard = await BoardOnAsync(stuck, "Stuck");
        var healthyBoard = await BoardOnAsync(healthy, "Healthy");
        stuck.Faults.Hold("agents.create");

        var waiting = new List<Guid>();
        for (var i = 0; i < 5; i++) // one more than the gateway's lane holds: the fifth waits its turn
            waiting.Add(await (await _admin.PostAsJsonAsync("/api/v1/agents", new { board_id = stuckBoard, name = $"Waiting {i}" })).IdOfAsync());
        var lucky = await (await _admin.PostAsJsonAsync("/api/v1/agents", new { board_id = healthyBoard, name = "Lucky" })).IdOfAsync();

        await WaitUntilSettledAsync(lucky, "agent.provision_completed");
        Assert.True(healthy.State.HasAgent($"mc-{lucky}"));
        foreach (var id in waiting)
            Assert.DoesNotContain("agent.provision_completed", await EventTypesAsync(id));
        stuck.Faults.Release("agents.create");
        foreach (var id in waiting)
            await WaitUntilSettledAsync(id, "agent.provision_completed");
    }

    [Fact]
    public async Task Given_a_run_held_in_file_writes_When_the_agent_is_deleted_Then_the_run_stops_and_the_gateway_is_left_without_the_agent()
    {
        await using var gateway = FakeGateway.Start();
        var boardId = await BoardOnAsync(gateway);
        gateway.Faults.Hold("agents.files.set");
        var agentId = await (await _admin.PostAsJsonAsync("/api/v1/agents", new { board_id = boardId, name = "Short Lived" })).IdOfAsync();
        await Eventually.WaitUntil(() => gateway.State.HasAgent($"mc-{agentId}"), Patience, "the run has created the agent on the gateway");

        var deleted = await _admin.DeleteAsync($"/api/v1/agents/{agentId}");
        gateway.Faults.Release("agents.files.set");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.False(gateway.State.HasAgent($"mc-{agentId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/api/v1/agents/{agentId}")).StatusCode);
    }

    private async Task<Guid> BoardOnAsync(FakeGateway gateway, string name = "Edge")
    {
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        var gatewayId = await (await _admin.PostAsJsonAsync("/api/v1/gateways", new
        {
            name, url = gateway.Url.ToString(), workspace_root = "/srv/" + name.ToLowerInvariant(), token = gateway.Token,
        })).IdOfAsync();
        // Its main agent is woken last: after that, the gateway is ours alone.
        await Eventually.WaitUntil(() => gateway.State.Chats.Any(), Patience, "the gateway's main agent is provisioned");
        return await (await _admin.PostAsJsonAsync("/api/v1/boards", new { name = name + " board", description = "A board", gateway_id = gatewayId, max_agents = 10 })).IdOfAsync();
    }

    private Task<List<string>> EventTypesAsync(Guid agentId) => AgentCalls.EventTypesAsync(_admin, agentId);

    private Task WaitUntilSettledAsync(Guid agentId, string outcome) =>
        Eventually.WaitUntil(async () => (await EventTypesAsync(agentId)).Contains(outcome), Patience, $"agent {agentId} records {outcome}");

    private async Task<HttpResponseMessage> HeartbeatAsAgentAsync(Guid agentId, string token)
    {
        using var client = _app.CreateClient();
        return await AgentCalls.HeartbeatWithTokenAsync(client, agentId, token);
    }
}
