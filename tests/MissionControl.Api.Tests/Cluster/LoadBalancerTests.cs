using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Cluster;

/// <summary>The local cluster's front door: one port, every ready process behind it.</summary>
public sealed class LoadBalancerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Given_two_service_processes_behind_the_balancer_When_one_leaves_Then_both_answered_before_and_the_other_answers_every_request_after()
    {
        await using var services = await ServiceGroup.StartAsync(2);
        await using var balancer = ServiceProcess.StartBalancer(services.Services.Select(s => s.Url));
        await balancer.WaitUntilListeningAsync(Patience);
        using var client = balancer.Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        var before = new HashSet<string>();
        await Eventually.WaitUntil(async () => before.Add(await AnsweredByAsync(client)) && before.Count == 2,
            Patience, "requests through the balancer reach both processes");
        var staying = await StatusOfAsync(services[0]);

        await services[1].TerminateAsync(Patience);
        // The balancer learns of the departure from failed requests or its next readiness checks.
        var inARow = 0;
        await Eventually.WaitUntil(async () => (inARow = await TryAnsweredByAsync(client) == staying ? inARow + 1 : 0) == 4,
            Patience, "the balancer sends requests only to the process that stayed");
        var after = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => TryAnsweredByAsync(client)));

        Assert.Equal(2, before.Count);
        Assert.All(after, answeredBy => Assert.Equal(staying, answeredBy));
    }

    private static async Task<string> StatusOfAsync(ServiceProcess service)
    {
        using var client = service.Client(asUser: true);
        return await AnsweredByAsync(client);
    }

    private static async Task<string> AnsweredByAsync(HttpClient client) => (await Status.ReadAsync(client)).AnsweredBy;

    // Null when the request failed (the balancer may answer 502 once for a process just gone).
    private static async Task<string?> TryAnsweredByAsync(HttpClient client)
    {
        var response = await client.GetAsync(Status.Route);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<Status>(Status.Json))!.AnsweredBy : null;
    }
}
