using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Cluster;

/// <summary>Service processes on one database form one Orleans cluster, as the README shows operators.</summary>
public sealed class ServiceClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Given_three_service_processes_on_one_database_When_each_is_asked_Then_each_lists_all_three_active_and_serves_what_another_wrote()
    {
        await using var database = TestDatabase.Create();
        var url = MissionControlFactory.DatabaseUrlFor(database);
        await using var first = ServiceProcess.Start(url);
        await using var second = ServiceProcess.Start(url);
        await using var third = ServiceProcess.Start(url);
        ServiceProcess[] services = [first, second, third];
        foreach (var service in services)
            await WaitUntilReadyAsync(service);

        using var writer = first.Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        var statuses = new List<Status>();
        foreach (var service in services)
        {
            using var client = service.Client(asUser: true);
            await Eventually.WaitUntil(async () => (await StatusAsync(client)).Silos.Count(s => s.Status == "active") == 3,
                Patience, "every silo sees three active silos in the table");
            statuses.Add(await StatusAsync(client));
        }
        using var reader = third.Client(asUser: true);
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
        await using var database = TestDatabase.Create();
        var url = MissionControlFactory.DatabaseUrlFor(database);
        await using var first = ServiceProcess.Start(url);
        await using var second = ServiceProcess.Start(url);
        await WaitUntilReadyAsync(first);
        await WaitUntilReadyAsync(second);
        using var one = first.Client(asUser: true);
        using var other = second.Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await one.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? one : other).PostAsJsonAsync("/api/v1/organizations", new { name = i % 4 < 2 ? "Raced Name" : "RACED name" })));
        var organizations = await other.GetFromJsonAsync<List<Membership>>("/api/v1/organizations/me/list");

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(organizations!, o => o.Name.Equals("raced name", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task WaitUntilReadyAsync(ServiceProcess service)
    {
        await service.WaitUntilListeningAsync(Patience);
        using var client = service.Client();
        await Eventually.WaitUntil(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            Patience, "the service is ready");
    }

    private static async Task<Status> StatusAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Status>("/api/v1/system/status", Status.Json))!;

    private sealed record Membership(string Name, string Role);
}
