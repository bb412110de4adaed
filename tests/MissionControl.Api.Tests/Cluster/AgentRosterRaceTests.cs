using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Fakes;

namespace MissionControl.Api.Tests.Cluster;

/// <summary>
/// Requests that race for one name or one place on a gateway, sent through two service processes
/// at once: the gateway's roster decides, so exactly the allowed number win and the rest get 409.
/// </summary>
public sealed class AgentRosterRaceTests(AgentRosterRaceTests.TwoServices services) : IClassFixture<AgentRosterRaceTests.TwoServices>
{
    private const int Racers = 8;

    [Fact]
    public async Task Given_two_service_processes_When_one_agent_name_is_raced_through_both_Then_exactly_one_creation_wins()
    {
        var boardId = await services.BoardAsync(maxAgents: Racers);

        var responses = await services.RaceAsync(i => services.Client(i).PostAsJsonAsync("/api/v1/agents",
            new { board_id = boardId, name = i % 2 == 0 ? "Raced Scout" : "RACED scout" }));
        var agents = await services.AgentsOfBoardAsync(boardId);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(Racers - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(agents, name => name.Equals("raced scout", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Given_a_board_with_room_for_two_workers_When_eight_are_raced_through_two_processes_Then_exactly_two_are_created()
    {
        var boardId = await services.BoardAsync(maxAgents: 2);

        var responses = await services.RaceAsync(i => services.Client(i).PostAsJsonAsync("/api/v1/agents",
            new { board_id = boardId, name = $"Crowd {i}" }));
        var workers = (await services.AgentsOfBoardAsync(boardId)).Where(name => name.StartsWith("Crowd ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(Racers - 2, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, workers.Count);
    }

    [Fact]
    public async Task Given_a_gateway_without_a_main_agent_When_eight_agents_are_made_main_through_two_processes_Then_exactly_one_becomes_main()
    {
        var boardId = await services.BoardAsync(maxAgents: Racers);
        var agentIds = new List<Guid>();
        for (var i = 0; i < Racers; i++)
            agentIds.Add(await (await services.Client(0).PostAsJsonAsync("/api/v1/agents", new { board_id = boardId, name = $"Contender {i}" })).IdOfAsync());
        await services.FreeMainPlaceAsync(await services.BoardAsync(maxAgents: 1));

        var responses = await services.RaceAsync(i => services.Client(i).PatchAsJsonAsync($"/api/v1/agents/{agentIds[i]}", new { is_gateway_main = true }));
        var mains = await services.MainAgentsAsync();

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(agentIds[responses.ToList().FindIndex(r => r.StatusCode == HttpStatusCode.OK)], Assert.Single(mains));
    }

    /// <summary>Two service processes on one database, a signed-in admin on each, and one gateway (the fake).</summary>
    public sealed class TwoServices : IAsyncLifetime
    {
        private FakeGateway _gateway = null!;
        private ServiceGroup _services = null!;
        private readonly List<HttpClient> _clients = [];

        public Guid GatewayId { get; private set; }

        /// <summary>The admin's client on the first process for even <paramref name="i"/>, on the second for odd.</summary>
        public HttpClient Client(int i) => _clients[i % 2];

        public async Task InitializeAsync()
        {
            _gateway = FakeGateway.Start();
            _services = await ServiceGroup.StartAsync(2);
            _clients.AddRange(_services.Services.Select(service => service.Client(asUser: true)));
            Assert.Equal(HttpStatusCode.OK, (await Client(0).PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
            GatewayId = await (await Client(0).PostAsJsonAsync("/api/v1/gateways", new
            {
                name = "Edge", url = _gateway.Url.ToString(), workspace_root = "/srv/edge", token = _gateway.Token,
            })).IdOfAsync();
        }

        public async Task<Guid> BoardAsync(int maxAgents) =>
            await (await Client(0).PostAsJsonAsync("/api/v1/boards", new
            {
                name = $"Board {Guid.NewGuid():N}", description = "A raced board", gateway_id = GatewayId, max_agents = maxAgents,
            })).IdOfAsync();

        /// <summary>All requests made at once, alternating between the two processes.</summary>
        public async Task<HttpResponseMessage[]> RaceAsync(Func<int, Task<HttpResponseMessage>> request) =>
            await Task.WhenAll(Enumerable.Range(0, Racers).Select(request));

        public async Task<List<string>> AgentsOfBoardAsync(Guid boardId) =>
            (await AgentsAsync($"board_id={boardId}")).Select(agent => agent.GetProperty("name").GetString()!).ToList();

        public async Task<List<Guid>> MainAgentsAsync() =>
            (await AgentsAsync($"gateway_id={GatewayId}"))
                .Where(agent => agent.GetProperty("is_gateway_main").GetBoolean())
                .Select(agent => agent.GetProperty("id").GetGuid())
                .ToList();

        /// <summary>Moves the gateway's current main agent onto <paramref name="boardId"/>, so the gateway has none.</summary>
        public async Task FreeMainPlaceAsync(Guid boardId)
        {
            var main = Assert.Single(await MainAgentsAsync());
            var moved = await Client(0).PatchAsJsonAsync($"/api/v1/agents/{main}", new { is_gateway_main = false, board_id = boardId });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        private async Task<List<JsonElement>> AgentsAsync(string filter)
        {
            var page = await Client(1).GetFromJsonAsync<JsonElement>($"/api/v1/agents?{filter}&limit=200");
            return page.GetProperty("items").EnumerateArray().ToList();
        }

        public async Task DisposeAsync()
        {
            foreach (var client in _clients)
                client.Dispose();
            await _services.DisposeAsync();
            await _gateway.DisposeAsync();
        }
    }
}
