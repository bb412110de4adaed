using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Cluster;

/// <summary>The Orleans dashboard at /cluster-dashboard/, behind the cluster operator's token.</summary>
public sealed class ClusterDashboardTests(ClusterDashboardTests.WithDashboard host) : IClassFixture<ClusterDashboardTests.WithDashboard>
{
    private const string DashboardToken = "Zq8vN3xKp1Lw7Rt5Yb2Mc9Hd4Gf6Js0Ue8Ai3Ok5Pn7Qr1Sv9Tw2Xy4Bz6Cm8Dl0";

    /// <summary>A local-mode service with a dashboard token.</summary>
    public sealed class WithDashboard : IAsyncLifetime
    {
        public ApiHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["CLUSTER_DASHBOARD_TOKEN"] = DashboardToken });

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    [Fact]
    public async Task Given_no_credentials_When_the_dashboard_is_opened_Then_401_asks_the_browser_for_basic_credentials()
    {
        using var client = host.Host.Client();

        var response = await client.GetAsync("/cluster-dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=", challenge.Parameter);
    }

    [Fact]
    public async Task Given_a_wrong_password_When_the_dashboard_is_opened_Then_401()
    {
        using var client = ClientWithBasic(host.Host.Client(), "another-token-of-the-right-length-but-not-ours-at-all-0123");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/cluster-dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Given_the_dashboard_token_as_basic_password_When_the_dashboard_is_opened_Then_its_page_is_served_and_the_local_token_opens_nothing()
    {
        using var client = ClientWithBasic(host.Host.Client(), DashboardToken);
        using var local = ClientWithBasic(host.Host.Client(), MissionControlFactory.LocalToken);

        var response = await client.GetAsync("/cluster-dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await local.GetAsync("/cluster-dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Given_the_operator_When_counters_are_read_Then_this_silo_is_active_and_our_grains_are_counted()
    {
        using var user = host.Host.UserClient();
        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        using var client = ClientWithBasic(host.Host.Client(), DashboardToken);

        // The dashboard refreshes its counters at most once a second, on being asked.
        JsonElement counters = default;
        await Eventually.WaitUntil(async () =>
        {
            counters = await client.GetFromJsonAsync<JsonElement>("/cluster-dashboard/DashboardCounters");
            return GrainTypes(counters).Any(type => type.StartsWith("MissionControl.", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(30), "a grain of ours is counted");

        var silo = Assert.Single(counters.GetProperty("hosts").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_no_dashboard_token_When_the_dashboard_is_opened_Then_it_is_not_served()
    {
        await using var local = await ApiHost.StartAsync(null);
        using var client = ClientWithBasic(local.Client(), MissionControlFactory.LocalToken);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/cluster-dashboard/")).StatusCode);
    }

    [Fact]
    public async Task Given_jwt_mode_with_a_dashboard_token_When_the_dashboard_is_opened_Then_that_token_opens_it_and_no_other()
    {
        await using var jwt = await ApiHost.StartAsync(JwtSettings(DashboardToken));
        using var operatorClient = ClientWithBasic(jwt.Client(), DashboardToken);
        using var bearerClient = jwt.Client();
        bearerClient.DefaultRequestHeaders.Authorization = new("Bearer", DashboardToken);
        using var localTokenClient = ClientWithBasic(jwt.Client(), MissionControlFactory.LocalToken);

        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/cluster-dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearerClient.GetAsync("/cluster-dashboard/ClusterStats")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await localTokenClient.GetAsync("/cluster-dashboard/")).StatusCode);
    }

    private static Dictionary<string, string?> JwtSettings(string dashboardToken) => new()
    {
        ["AUTH_MODE"] = "jwt",
        ["JWT_AUTHORITY"] = "https://issuer.mission-control.test/",
        ["JWT_AUDIENCE"] = "mission-control",
        ["CLUSTER_DASHBOARD_TOKEN"] = dashboardToken,
    };

    private static HttpClient ClientWithBasic(HttpClient client, string password)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + password)));
        return client;
    }

    private static IEnumerable<string> GrainTypes(JsonElement counters) =>
        counters.GetProperty("simpleGrainStats").EnumerateArray().Select(stat => stat.GetProperty("grainType").GetString() ?? "");
}
