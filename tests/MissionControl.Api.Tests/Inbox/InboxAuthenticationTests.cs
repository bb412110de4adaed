using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Grains.Security;

namespace MissionControl.Api.Tests.Inbox;

/// <summary>Who gets into <c>/api/gateway/*</c>: an inbox key issued by an admin, or the agent's own token.</summary>
public sealed class InboxAuthenticationTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Without_an_api_key_every_gateway_route_answers_401_before_looking_at_the_body()
    {
        using var client = world.AnonymousClient();

        var responses = new[]
        {
            await client.GetAsync("/api/gateway/poll"),
            await client.PostAsync("/api/gateway/report", null),
            await client.PostAsync("/api/gateway/heartbeat", null),
            await client.PostAsJsonAsync("/api/gateway/send-message", new { }),
            await client.GetAsync($"/api/gateway/setup-guide/{Guid.NewGuid()}"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Missing X-Api-Key header", await response.DetailAsync());
        }
    }

    [Fact]
    public async Task An_unknown_key_answers_401_invalid_api_key()
    {
        using var client = world.AnonymousClient().WithKey(InboxKeys.Mint());

        var response = await client.PollAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid API key", await response.DetailAsync());
    }

    [Fact]
    public async Task Given_an_admin_When_they_issue_and_then_rotate_a_key_Then_each_key_works_until_the_next_is_issued()
    {
        var organization = await world.NewOrganizationAsync();
        var agent = await world.NewAgentAsync(await world.NewBoardAsync(organization));
        using var admin = world.ClientFor(organization.Owner);

        var issued = await admin.IssueKeyAsync(agent.Id);
        var issuedBody = await issued.JsonAsync();
        var first = issuedBody.GetProperty("api_key").GetString()!;
        var firstPoll = await world.AnonymousClient().WithKey(first).PollAsync();
        var second = await admin.IssuedKeyAsync(agent.Id);
        var oldAfterRotation = await world.AnonymousClient().WithKey(first).PollAsync();
        var newAfterRotation = await world.AnonymousClient().WithKey(second).PostAsync("/api/gateway/heartbeat", null);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("no-store", issued.Headers.CacheControl?.ToString());
        Assert.Equal(agent.Id.ToString(), issuedBody.GetProperty("agent_id").GetString());
        Assert.Matches("^oc-[A-Za-z0-9_-]{43}$", first);
        Assert.Equal(HttpStatusCode.OK, firstPoll.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAfterRotation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newAfterRotation.StatusCode);
        var heartbeat = await newAfterRotation.JsonAsync();
        Assert.Equal(("ok", agent.Id.ToString()), (heartbeat.GetProperty("status").GetString(), heartbeat.GetProperty("agent_id").GetString()));
    }

    [Fact]
    public async Task Only_an_admin_of_the_agents_organization_may_issue_its_key_or_read_its_inbox()
    {
        var organization = await world.NewOrganizationAsync();
        var agent = await world.NewAgentAsync(await world.NewBoardAsync(organization));
        var member = await world.AddMemberAsync(organization, "member");
        var stranger = await world.NewOrganizationAsync("Elsewhere");
        using var memberClient = world.ClientFor(member);
        using var strangerClient = world.ClientFor(stranger.Owner);

        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.IssueKeyAsync(agent.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync($"/api/v1/agents/{agent.Id}/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.IssueKeyAsync(agent.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/api/v1/agents/{agent.Id}/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.AnonymousClient().IssueKeyAsync(agent.Id)).StatusCode);
    }

    [Fact]
    public async Task An_agent_provisioned_by_mission_control_can_use_its_own_token_as_the_api_key()
    {
        var organization = await world.NewOrganizationAsync();
        var agent = await world.NewAgentAsync(await world.NewBoardAsync(organization));

        var response = await world.AnonymousClient().WithKey(agent.Token).PostAsync("/api/gateway/heartbeat", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_deleted_agents_key_answers_401()
    {
        var organization = await world.NewOrganizationAsync();
        var agent = await world.NewAgentAsync(await world.NewBoardAsync(organization));
        var key = await world.ClientFor(organization.Owner).IssuedKeyAsync(agent.Id);
        await world.Grain<MissionControl.GrainInterfaces.Agents.IAgentGrain>(agent.Id).Delete();

        var response = await world.AnonymousClient().WithKey(key).PollAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>Failed keys count per client address like failed agent tokens; past the limit, 429.</summary>
public sealed class InboxKeyRateLimitTests
{
    [Fact]
    public async Task After_the_allowed_failed_keys_further_attempts_answer_429_with_retry_after()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["AGENT_AUTH_MAX_FAILURES"] = "3",
            ["AGENT_AUTH_FAILURE_WINDOW_SECONDS"] = "60",
        });
        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().WithKey(InboxKeys.Mint()).PollAsync()).StatusCode);

        var limited = await host.Client().WithKey(InboxKeys.Mint()).PollAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
    }
}
