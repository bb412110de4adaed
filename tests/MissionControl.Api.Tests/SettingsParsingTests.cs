using Microsoft.Extensions.Configuration;
using MissionControl.ApiGateway.Configuration;

namespace MissionControl.Api.Tests;

/// <summary>Settings the front door adds: request limits, and where JWT signing keys may come from.</summary>
public sealed class SettingsParsingTests
{
    [Fact]
    public void Without_limit_variables_the_defaults_apply()
    {
        var limits = ApiLimits.FromConfiguration(Configuration([]));

        Assert.Equal(new ApiLimits(1024 * 1024, 20, TimeSpan.FromSeconds(60)), limits);
    }

    [Theory]
    [InlineData("MAX_REQUEST_BODY_BYTES", "0")]
    [InlineData("AGENT_AUTH_MAX_FAILURES", "-3")]
    [InlineData("AGENT_AUTH_FAILURE_WINDOW_SECONDS", "a minute")]
    public void A_limit_that_is_not_a_positive_whole_number_is_refused_by_name(string variable, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => ApiLimits.FromConfiguration(Configuration(new() { [variable] = value })));

        Assert.Equal(variable, error.Variable);
    }

    [Fact]
    public void A_jwt_authority_over_plain_http_is_refused_unless_on_loopback()
    {
        var remote = Assert.Throws<ConfigurationException>(() => ServiceSettings.FromConfiguration(JwtSettings("http://idp.mission-control.test/")));
        var loopback = ServiceSettings.FromConfiguration(JwtSettings("http://127.0.0.1:9000/"));

        Assert.Equal("JWT_AUTHORITY", remote.Variable);
        Assert.Equal("http://127.0.0.1:9000/", loopback.JwtAuthority);
    }

    [Fact]
    public void The_dashboards_client_id_is_read_with_jwt_and_its_scope_defaults()
    {
        var values = new Dictionary<string, string?> { ["OIDC_CLIENT_ID"] = " dashboard ", ["OIDC_SCOPE"] = "openid mission-control" };

        var jwt = ServiceSettings.FromConfiguration(JwtSettings("https://idp.mission-control.test/", values));
        var defaults = ServiceSettings.FromConfiguration(JwtSettings("https://idp.mission-control.test/"));

        Assert.Equal("dashboard", jwt.OidcClientId);
        Assert.Equal("openid mission-control", jwt.OidcScope);
        Assert.Null(defaults.OidcClientId);
        Assert.Equal(ServiceSettings.DefaultOidcScope, defaults.OidcScope);
    }

    private static IConfiguration JwtSettings(string authority, Dictionary<string, string?>? extra = null) => Configuration(new Dictionary<string, string?>(extra ?? [])
    {
        ["DATABASE_URL"] = "postgresql://postgres@127.0.0.1:1/unused",
        ["AUTH_MODE"] = "jwt",
        ["JWT_AUTHORITY"] = authority,
        ["JWT_AUDIENCE"] = "mission-control",
        ["BASE_URL"] = "http://127.0.0.1:8000",
    });

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
