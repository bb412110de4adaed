using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Testing;

namespace MissionControl.Api.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Given_a_started_service_When_probed_Then_it_is_live_and_ready_once_migrated()
    {
        await using var database = TestDatabase.Create();
        await using var factory = new MissionControlFactory(database);
        using var client = factory.CreateClient();

        var live = await client.GetAsync("/healthz");
        await Eventually.WaitUntil(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the service reports ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True((await live.Content.ReadFromJsonAsync<Probe>())!.Ok);
    }

    [Fact]
    public async Task Given_an_unreachable_database_When_probed_Then_live_but_not_ready()
    {
        // A process of its own: its silo waits for the database, and the host it runs in has not
        // finished starting meanwhile (an in-process factory would wait for that).
        await using var service = ServiceProcess.Start("postgresql://postgres@127.0.0.1:1/nowhere");
        await service.WaitUntilListeningAsync(TimeSpan.FromSeconds(60));
        using var client = service.Client();

        var live = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("database migrations have not been applied yet", (await ready.Content.ReadFromJsonAsync<Probe>())!.Detail);
    }

    private sealed record Probe(bool Ok, string? Detail);
}
