using System.Net;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Dashboard;

/// <summary>The dashboard's files: served without credentials, under a policy that lets only the service's own scripts run.</summary>
public sealed class DashboardSiteTests(World world) : IClassFixture<World>
{
    // Every way a script turns text into markup or code.
    private static readonly string[] MarkupSinks =
    [
        "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "srcdoc", "createContextualFragment",
        "DOMParser", "javascript:", "eval(", "new Function",
    ];

    [Fact]
    public async Task The_page_at_the_root_and_its_scripts_are_served_with_a_content_security_policy()
    {
        using var client = world.AnonymousClient();

        var page = await client.GetAsync("/");
        var script = await client.GetAsync("/dashboard/js/app.js");
        var missing = await client.GetAsync("/dashboard/js/nothing-here.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"/dashboard/js/app.js\"></script>", await page.Content.ReadAsStringAsync());
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(script.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task With_jwt_but_no_client_id_the_sign_in_configuration_names_no_issuer()
    {
        using var client = world.AnonymousClient();

        var config = await (await client.GetAsync("/dashboard/config.json")).JsonAsync();

        Assert.Equal("jwt", config.GetProperty("auth_mode").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, config.GetProperty("oidc").ValueKind);
    }

    [Fact]
    public async Task The_dashboard_never_sets_text_as_markup()
    {
        var scripts = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Dashboard", "site", "js"), "*.js", SearchOption.AllDirectories);

        var offenders = new List<string>();
        foreach (var script in scripts)
        {
            var text = await File.ReadAllTextAsync(script);
            if (MarkupSinks.Any(sink => text.Contains(sink, StringComparison.Ordinal)))
                offenders.Add(Path.GetFileName(script));
        }

        Assert.NotEmpty(scripts);
        Assert.Empty(offenders);
    }
}
