using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using MissionControl.Api.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MissionControl.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser against a running service and the fake gateway: what an
/// operator does on a first visit, from signing in to deleting an agent, with a screenshot of
/// each state.
/// </summary>
public sealed class DashboardBrowserTests(LiveService service) : IClassFixture<LiveService>
{
    static DashboardBrowserTests() => SetDefaultExpectTimeout((float)LiveService.Patience.TotalMilliseconds);

    [Fact]
    public async Task An_operator_signs_in_puts_an_agent_on_a_gateway_sees_it_come_online_follows_its_history_syncs_and_deletes_it()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(1280, 900);
        await page.GotoAsync(service.Service.Url.ToString());

        await SignInAsync(page, "not-the-token");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The service refused this token. Check it and try again.");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await HeadlessChromium.ScreenshotAsync(page, "01-sign-in-refused");

        await SignInAsync(page, MissionControlFactory.LocalToken);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await HeadlessChromium.ScreenshotAsync(page, "02-fleet-empty");

        await RegisterGatewayAsync(page, "Harbor");
        await CreateBoardAsync(page, "Research", "Harbor");
        var agentRow = await CreateAgentAsync(page, "Scout", "Research");
        await Expect(agentRow.Locator(".status")).ToHaveTextAsync("provisioning");
        await HeadlessChromium.ScreenshotAsync(page, "03-agent-provisioning");

        var agentId = Guid.Parse((await agentRow.GetAttributeAsync("data-agent-id"))!);
        await BeatAsync(agentId);
        await Expect(agentRow.Locator(".status")).ToHaveTextAsync("online");
        await Expect(page.Locator(".counts li[data-status=online]")).ToContainTextAsync("online");
        await HeadlessChromium.ScreenshotAsync(page, "04-agent-online");

        await agentRow.GetByRole(AriaRole.Link, new() { Name = "Scout" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Scout", Level = 1 })).ToBeVisibleAsync();
        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Events, newest first" });
        await Expect(timeline).ToContainTextAsync("agent.provision_completed");
        await Expect(timeline).ToContainTextAsync("agent.provision_started");
        await HeadlessChromium.ScreenshotAsync(page, "05-agent-history");

        await page.GetByRole(AriaRole.Link, new() { Name = "open gateway" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run template sync" }).ClickAsync();
        await Expect(page.GetByText("Finished: 2 of 2 agents.")).ToBeVisibleAsync();
        await Expect(page.Locator("dl.details").Last).ToContainTextAsync("Agents updated1");
        var synced = page.GetByRole(AriaRole.Table, new() { Name = "Agents synced" });
        await Expect(synced.Locator("tr[data-outcome=updated]")).ToHaveCountAsync(2);
        await Expect(synced).ToContainTextAsync("Scout");
        await HeadlessChromium.ScreenshotAsync(page, "06-template-sync");

        await page.GotoAsync($"{service.Service.Url}#/agents/{agentId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete agent" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Really delete this agent?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator($"tr[data-agent-id='{agentId}']")).ToHaveCountAsync(0);
        await HeadlessChromium.ScreenshotAsync(page, "07-agent-deleted");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cluster" }).ClickAsync();
        await Expect(page.Locator("tr[data-silo-status=active]")).ToHaveCountAsync(1);
        await HeadlessChromium.ScreenshotAsync(page, "08-cluster");
    }

    [Fact]
    public async Task On_a_phone_the_fleet_fits_the_screen_and_every_field_has_a_label()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(service.Service.Url.ToString());
        await SignInAsync(page, MissionControlFactory.LocalToken);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync();
        await page.GetByText("Register a gateway").ClickAsync();

        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('input, select, textarea')].filter(e => !e.labels?.length && !e.getAttribute('aria-label')).map(e => e.outerHTML)");
        await HeadlessChromium.ScreenshotAsync(page, "09-fleet-on-a-phone");

        Assert.True(pageWidth <= 390, $"The page is {pageWidth} px wide on a 390 px screen.");
        Assert.Empty(unlabelled);
    }

    private static async Task SignInAsync(IPage page, string token)
    {
        await page.GetByLabel("Access token").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private async Task RegisterGatewayAsync(IPage page, string name)
    {
        await page.GetByText("Register a gateway").ClickAsync();
        await page.GetByLabel("Gateway name").FillAsync(name);
        await page.GetByLabel("Gateway URL").FillAsync(service.Gateway.Url.ToString());
        await page.GetByLabel("Workspace root").FillAsync("/srv/harbor");
        await page.GetByLabel("Gateway token").FillAsync(service.Gateway.Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register gateway" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }

    private static async Task CreateBoardAsync(IPage page, string name, string gateway)
    {
        await page.GetByText("Create a board").ClickAsync();
        await page.GetByLabel("Board name").FillAsync(name);
        await page.GetByLabel("Description").FillAsync("Finds things out");
        await page.GetByLabel("Gateway", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = gateway });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create board" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }

    private static async Task<ILocator> CreateAgentAsync(IPage page, string name, string board)
    {
        await page.GetByText("Create an agent").ClickAsync();
        await page.GetByLabel("Agent name").FillAsync(name);
        await page.GetByLabel("Board", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = board });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create agent" }).ClickAsync();
        var row = page.Locator("tr[data-agent-id]").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        return row;
    }

    private async Task BeatAsync(Guid agentId)
    {
        using var agent = service.Service.Client();
        agent.DefaultRequestHeaders.Add("X-Agent-Token", await service.AgentTokenAsync(agentId));
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync("/api/v1/agent/heartbeat", new { status = "online" })).StatusCode);
    }
}
