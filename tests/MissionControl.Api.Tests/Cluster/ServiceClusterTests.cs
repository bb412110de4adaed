using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Fakes;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Cluster;

/// <summary>Service processes on one database form one Orleans cluster, as the README shows operators.</summary>
public sealed class ServiceClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Given_three_service_processes_on_one_database_When_each_is_asked_Then_each_lists_all_three_active_and_serves_what_another_wrote()
    {
        await using var services = await ServiceGroup.StartAsync(3);

        using var writer = services[0].Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        var statuses = new List<Status>();
        foreach (var service in services.Services)
        {
            using var client = service.Client(asUser: true);
            await Eventually.WaitUntil(async () => (await Status.ReadAsync(client)).Silos.Count(s => s.Status == "active") == 3,
                Patience, "every silo sees three active silos in the table");
            statuses.Add(await Status.ReadAsync(client));
        }
        using var reader = services[2].Client(asUser: true);
        var organizations = await reader.GetFromJsonAsync<List<Membership>>("/api/v1/organizations/me/list");

        Assert.Equal(3, statuses.Select(s => s.AnsweredBy).Distinct().Count());
        Assert.All(statuses, s => Assert.Equal(
            statuses.Select(x => x.AnsweredBy).Order(),
            s.Silos.Where(silo => silo.Status == "active").Select(silo => $"{silo.Address}:{silo.SiloPort}@{silo.Generation}").Order()));
        Assert.Equal("Personal", Assert.Single(organizations!).Name);
    }

    [Fact]
    public async Task Given_two_service_processes_When_one_organization_name_is_raced_through_both_Then_exactly_one_creation_wins()
    {
        await using var services = await ServiceGroup.StartAsync(2);
        using var one = services[0].Client(asUser: true);
        using var other = services[1].Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await one.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? one : other).PostAsJsonAsync("/api/v1/organizations", new { name = i % 4 < 2 ? "Raced Name" : "RACED name" })));
        var organizations = await other.GetFromJsonAsync<List<Membership>>("/api/v1/organizations/me/list");

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(organizations!, o => o.Name.Equals("raced name", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Given_two_service_processes_When_an_agent_is_created_through_one_Then_its_own_heartbeat_through_the_other_is_recorded()
    {
        await using var gateway = FakeGateway.Start();
        await using var services = await ServiceGroup.StartAsync(2);
        using var admin = services[0].Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        var gatewayId = await (await admin.PostAsJsonAsync("/api/v1/gateways", new
        {
            name = "Edge", url = gateway.Url.ToString(), workspace_root = "/srv/edge", token = gateway.Token,
        })).IdOfAsync();
        var boardId = await (await admin.PostAsJsonAsync("/api/v1/boards", new { name = "Board", description = "A board", gateway_id = gatewayId })).IdOfAsync();
        var agentId = await (await admin.PostAsJsonAsync("/api/v1/agents", new { board_id = boardId, name = "Scout" })).IdOfAsync();
        // Waking the agent is the last step of provisioning; it then has the service's check-in
        // window (30 s) to beat with the token in its workspace before it is woken with a new one.
        await Eventually.WaitUntil(() => gateway.State.Chats.Any(c => c.SessionKey == $"agent:mc-{agentId}:main"),
            Patience, "the provisioned agent is woken");
        var token = CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"])!;

        using var agent = services[1].Client();
        agent.DefaultRequestHeaders.Add("X-Agent-Token", token);
        var beat = await agent.PostAsJsonAsync($"/api/v1/agents/{agentId}/heartbeat", new { });

        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
        using var seen = services[0].Client(asUser: true);
        var row = await seen.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{agentId}");
        Assert.Equal("online", row.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, row.GetProperty("last_seen_at").ValueKind);
    }

    [Fact]
    public async Task Given_two_service_processes_When_one_gets_SIGTERM_Then_it_exits_cleanly_and_is_dead_in_the_table_as_it_exits()
    {
        await using var services = await ServiceGroup.StartAsync(2);
        using var survivor = services[0].Client(asUser: true);
        using var leaving = services[1].Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await survivor.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        await Eventually.WaitUntil(async () => (await Status.ReadAsync(survivor)).Silos.Count(s => s.Status == "active") == 2,
            Patience, "both silos are active");
        var leaver = (await Status.ReadAsync(leaving)).AnsweredBy;

        var exitCode = await services[1].TerminateAsync(Patience);
        var row = (await Status.ReadAsync(survivor)).Silos.Single(s => $"{s.Address}:{s.SiloPort}@{s.Generation}" == leaver);

        // It left the cluster itself: failure detection at the service's timings (several missed
        // 5 s probes) could not have found a vanished silo dead by the time it exits.
        Assert.Equal(0, exitCode);
        Assert.Equal("dead", row.Status);
    }

    private sealed record Membership(string Name, string Role);
}
