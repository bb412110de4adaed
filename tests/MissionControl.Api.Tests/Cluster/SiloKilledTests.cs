using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Fakes;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace MissionControl.Api.Tests.Cluster;

/// <summary>Fault: one of three silos is killed outright while agents beat and are created through the load balancer.</summary>
public sealed class SiloKilledTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Given_load_through_the_balancer_When_a_silo_is_killed_Then_every_acknowledged_request_took_effect_provisioning_ends_and_silent_agents_still_go_offline()
    {
        await using var gateway = FakeGateway.Start();
        await using var services = await ServiceGroup.StartAsync(3, new Dictionary<string, string> { ["OFFLINE_AFTER"] = "5s" });
        await using var balancer = ServiceProcess.StartBalancer(services.Services.Select(s => s.Url));
        await ServiceGroup.WaitUntilReadyAsync(balancer);
        using var admin = balancer.Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        var gatewayId = await (await admin.PostAsJsonAsync("/api/v1/gateways", new
        {
            name = "Edge", url = gateway.Url.ToString(), workspace_root = "/srv/edge", token = gateway.Token,
        })).IdOfAsync();
        var boardId = await (await admin.PostAsJsonAsync("/api/v1/boards", new { name = "Board", description = "A board", gateway_id = gatewayId, max_agents = 1000 })).IdOfAsync();
        var beaters = new List<(Guid Id, string Token)>();
        for (var i = 0; i < 6; i++)
            beaters.Add(await ProvisionedAsync(admin, gateway, boardId, $"Beater {i}"));

        var load = Load.Start(balancer, boardId, beaters);
        await load.WaitForAsync(beats: 50, creations: 3);
        await services[1].DisposeAsync(); // SIGKILL: no draining, no goodbye to the cluster
        var beatsAtKill = load.Beats.Count;
        var createdAtKill = load.Creations.Count;
        await load.WaitForAsync(beats: beatsAtKill + 100, creations: createdAtKill + 5);
        await load.StopAsync();

        await using var database = services.Database.CreateDataSource();
        var created = load.Creations.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToList();
        // Every agent on the board, also those whose creation was recorded but not answered with a 2xx.
        var onBoard = await AgentsOnBoardAsync(database, boardId);
        await Eventually.WaitUntil(async () => (await LastProvisionOutcomesAsync(database, onBoard)).All(o => o is "agent.provision_completed" or "agent.provision_failed"),
            Patience, "every created agent's provisioning ended");
        await Eventually.WaitUntil(async () => (await OfflineAsync(database, beaters.Select(b => b.Id))).Count == beaters.Count,
            Patience, "every beater, silent since the load stopped, is marked offline");
        var recorded = await HeartbeatsRecordedAsync(database, beaters.Select(b => b.Id));
        var outcomes = await LastProvisionOutcomesAsync(database, onBoard);

        var failedRequests = load.Beats.Concat(load.Creations).Where(r => r.Status is not HttpStatusCode.OK).ToList();
        FaultReport.Write(output.WriteLine,
            $"silo killed: {load.Beats.Count} heartbeats ({load.Beats.Count(b => b.Status == HttpStatusCode.OK)} acknowledged), " +
            $"{load.Creations.Count} agent creations ({created.Count} acknowledged, {onBoard.Count - beaters.Count} recorded; provisioning completed {outcomes.Count(o => o == "agent.provision_completed")}, " +
            $"failed {outcomes.Count(o => o == "agent.provision_failed")}), failed requests {failedRequests.Count} " +
            $"({string.Join(", ", failedRequests.GroupBy(r => r.Status is { } status ? ((int)status).ToString() : "no answer").Select(g => $"{g.Key}: {g.Count()}"))}), " +
            $"every silent beater marked offline afterwards");
        // Unavailable (503), or the balancer's word for a backend that vanished (502, 504); a 500 would be a bug.
        Assert.All(failedRequests, r => Assert.True(r.Status is null or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
            $"{r.What}: {r.Status}"));
        foreach (var (id, _) in beaters)
            Assert.True(recorded.GetValueOrDefault(id) >= load.Beats.Count(b => b.Agent == id && b.Status == HttpStatusCode.OK),
                $"agent {id}: every acknowledged heartbeat is an event");
        Assert.All(created, id => Assert.Contains(id, onBoard));
    }

    private static async Task<(Guid Id, string Token)> ProvisionedAsync(HttpClient admin, FakeGateway gateway, Guid boardId, string name)
    {
        var agentId = await (await admin.PostAsJsonAsync("/api/v1/agents", new { board_id = boardId, name })).IdOfAsync();
        await Eventually.WaitUntil(() => gateway.State.Chats.Any(c => c.SessionKey == $"agent:mc-{agentId}:main"),
            Patience, "the provisioned agent is woken");
        return (agentId, CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"])!);
    }

    // The last provisioning event of each agent's stream (started, completed or failed).
    private static async Task<List<string?>> LastProvisionOutcomesAsync(NpgsqlDataSource database, IReadOnlyList<Guid> agents)
    {
        await using var command = database.CreateCommand("""
            select (select e.type from mt_events e
                    where e.stream_id = 'agent-' || a.id
                      and e.type in ('agent.provision_started', 'agent.provision_completed', 'agent.provision_failed')
                    order by e.version desc limit 1)
            from unnest($1::uuid[]) as a(id)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = agents.ToArray() });
        return await ReadAllAsync(command, reader => reader.IsDBNull(0) ? null : reader.GetString(0));
    }

    private static async Task<List<Guid>> AgentsOnBoardAsync(NpgsqlDataSource database, Guid boardId)
    {
        await using var command = database.CreateCommand("select id from agents where board_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = boardId });
        return await ReadAllAsync(command, reader => reader.GetGuid(0));
    }

    private static async Task<List<Guid>> OfflineAsync(NpgsqlDataSource database, IEnumerable<Guid> agents)
    {
        await using var command = database.CreateCommand("select id from agents where id = any($1) and status = 'offline'");
        command.Parameters.Add(new NpgsqlParameter { Value = agents.ToArray() });
        return await ReadAllAsync(command, reader => reader.GetGuid(0));
    }

    private static async Task<Dictionary<Guid, long>> HeartbeatsRecordedAsync(NpgsqlDataSource database, IEnumerable<Guid> agents)
    {
        await using var command = database.CreateCommand("""
            select a.id, (select count(*) from mt_events e where e.stream_id = 'agent-' || a.id and e.type = 'agent.heartbeat_recorded')
            from unnest($1::uuid[]) as a(id)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = agents.ToArray() });
        return (await ReadAllAsync(command, reader => (reader.GetGuid(0), reader.GetInt64(1)))).ToDictionary(p => p.Item1, p => p.Item2);
    }

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    private sealed record Request(string What, Guid? Agent, HttpStatusCode? Status, Guid? Id = null);

    /// <summary>Heartbeats from the provisioned agents, round robin, and agent creations beside them, through the balancer.</summary>
    private sealed class Load
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _loops = Task.CompletedTask;

        public ConcurrentQueue<Request> Beats { get; } = new();

        public ConcurrentQueue<Request> Creations { get; } = new();

        public static Load Start(ServiceProcess balancer, Guid boardId, IReadOnlyList<(Guid Id, string Token)> agents)
        {
            var load = new Load();
            load._loops = Task.WhenAll(Task.Run(() => load.BeatAsync(balancer, agents)), Task.Run(() => load.CreateAsync(balancer, boardId)));
            return load;
        }

        public Task WaitForAsync(int beats, int creations) =>
            Eventually.WaitUntil(() => Task.FromResult(
                    Beats.Count(b => b.Status == HttpStatusCode.OK) >= beats && Creations.Count(c => c.Status == HttpStatusCode.OK) >= creations),
                Patience, $"{beats} acknowledged heartbeats and {creations} acknowledged creations");

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _loops;
        }

        private async Task BeatAsync(ServiceProcess balancer, IReadOnlyList<(Guid Id, string Token)> agents)
        {
            using var client = balancer.Client();
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                var (id, token) = agents[i % agents.Count];
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agents/{id}/heartbeat") { Content = JsonContent.Create(new { }) };
                request.Headers.Add("X-Agent-Token", token);
                Beats.Enqueue(new Request($"heartbeat {id}", id, await SendAsync(client, request)));
                await Task.Delay(10);
            }
        }

        private async Task CreateAsync(ServiceProcess balancer, Guid boardId)
        {
            using var client = balancer.Client(asUser: true);
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agents")
                {
                    Content = JsonContent.Create(new { board_id = boardId, name = $"Recruit {i}" }),
                };
                HttpStatusCode? status = null;
                Guid? id = null;
                try
                {
                    using var response = await client.SendAsync(request);
                    status = response.StatusCode;
                    if (response.IsSuccessStatusCode)
                        id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                }
                Creations.Enqueue(new Request($"create Recruit {i}", null, status, id));
                await Task.Delay(200);
            }
        }

        private static async Task<HttpStatusCode?> SendAsync(HttpClient client, HttpRequestMessage request)
        {
            try
            {
                using var response = await client.SendAsync(request);
                return response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }
    }
}
