using Microsoft.Playwright;
using MissionControl.Api.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MissionControl.Api.Tests.Dashboard;

/// <summary>
/// With AUTH_MODE=jwt and OIDC_CLIENT_ID, the dashboard signs in through the issuer (authorization
/// code with PKCE) and uses the access token it gets against the API.
/// </summary>
public sealed class DashboardSignInTests
{
    private const string Audience = "mission-control";

    [Fact]
    public async Task An_operator_signs_in_with_the_identity_provider_and_lands_on_the_fleet()
    {
        await using var issuer = await FakeIdentityProvider.StartAsync(Audience);
        await using var services = await ServiceGroup.StartAsync(1, new Dictionary<string, string>
        {
            ["AUTH_MODE"] = "jwt",
            ["JWT_AUTHORITY"] = issuer.Url.ToString(),
            ["JWT_AUDIENCE"] = Audience,
            ["OIDC_CLIENT_ID"] = FakeIdentityProvider.ClientId,
        });
        using (var client = services[0].Client())
        {
            var policy = Assert.Single((await client.GetAsync("/")).Headers.GetValues("Content-Security-Policy"));
            Assert.Contains($"connect-src 'self' {issuer.Url.GetLeftPart(UriPartial.Authority)};", policy);
        }

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(1280, 900);
        await page.GotoAsync(services[0].Url.ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your identity provider" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal(1, issuer.TokensIssued);
        Assert.DoesNotContain("code=", page.Url);
        await HeadlessChromium.ScreenshotAsync(page, "10-signed-in-with-an-identity-provider");
    }
}
