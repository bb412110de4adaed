using System.Globalization;
using System.Net;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Metrics;

public sealed class MetricsTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_a_gateway_whose_main_agent_was_provisioned_When_metrics_are_scraped_Then_requests_commits_grains_and_that_gateways_calls_are_counted()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        await world.GatewayMainAsync(gatewayId);
        using var client = world.AnonymousClient();
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
