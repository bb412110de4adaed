using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Fakes;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Metrics;

/// <summary>
/// Scrapes a service process of its own: metrics listeners see every host of their process, so an
/// in-process host would also count the grains of other tests' silos.
/// </summary>
public sealed class MetricsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Given_a_gateway_whose_main_agent_was_provisioned_When_metrics_are_scraped_Then_requests_commits_grains_and_that_gateways_calls_are_counted()
    {
        await using var gateway = FakeGateway.Start();
        await using var services = await ServiceGroup.StartAsync(1);
        using var client = services[0].Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        var gatewayId = await (await client.PostAsJsonAsync("/api/v1/gateways", new
        {
            name = "Edge", url = gateway.Url.ToString(), workspace_root = "/srv/edge", token = gateway.Token,
        })).IdOfAsync();
        await Eventually.WaitUntil(() => Task.FromResult(gateway.State.Chats.Any()), Patience, "the gateway's main agent is provisioned and woken");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var scrape = await client.GetAsync("/metrics");
        var series = Series(await scrape.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        Assert.Contains(series, s => s.Name == "mc_gateway_call_duration_seconds_count"
            && s.Labels.Contains($"gateway_id=\"{gatewayId}\"") && s.Labels.Contains("outcome=\"ok\"") && s.Value > 0);
        Assert.Contains(series, s => s.Name == "mc_event_store_commit_appends_count" && s.Value > 0);
        Assert.Contains(series, s => s.Name == "http_server_request_duration_seconds_count"
            && s.Labels.Contains("http_route=\"/healthz\"") && s.Value > 0);
        Assert.Contains(series, s => s.Name.StartsWith("orleans_grains", StringComparison.Ordinal)
            && s.Labels.Contains("agent", StringComparison.Ordinal) && s.Value > 0);
    }

    private sealed record Sample(string Name, string Labels, double Value);

    // Prometheus text: "name{labels} value [timestamp]" per line, comments start with '#'.
    private static List<Sample> Series(string body) => body.Split('\n')
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line =>
        {
            var brace = line.IndexOf('{');
            var close = line.LastIndexOf('}');
            var name = brace < 0 ? line[..line.IndexOf(' ')] : line[..brace];
            var labels = brace < 0 ? "" : line[(brace + 1)..close];
            var value = line[((brace < 0 ? name.Length : close + 1) + 1)..].Split(' ')[0];
            return new Sample(name, labels, double.Parse(value, CultureInfo.InvariantCulture));
        })
        .ToList();
}
