using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MissionControl.Api.Tests.Support;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Configuration;
using MissionControl.Grains.Security;

namespace MissionControl.Api.Tests;

/// <summary>
/// Failed agent authentications are limited per client address (here 3 in a window); past the
/// limit the client gets 429 and nothing new is looked up or hashed for it.
/// </summary>
public sealed class AgentAuthRateLimitTests
{
    private static readonly Dictionary<string, string?> ThreeFailuresPerWindow = new()
    {
        ["AGENT_AUTH_MAX_FAILURES"] = "3",
        ["AGENT_AUTH_FAILURE_WINDOW_SECONDS"] = "60",
    };

    [Fact]
    public async Task After_the_allowed_failures_further_attempts_answer_429_with_retry_after()
    {
        await using var host = await ApiHost.StartAsync(ThreeFailuresPerWindow);
        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAgent(host, AgentTokens.Mint())).StatusCode);

        var limited = await GetAgent(host, AgentTokens.Mint());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("Too Many Requests", await limited.DetailAsync());
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_blocked_client_gets_no_lookup_or_hashing_for_a_token_not_seen_before()
    {
        await using var host = await ApiHost.StartAsync(ThreeFailuresPerWindow);
        var (agent, token) = host.Agents.Add(Guid.NewGuid());
        for (var attempt = 0; attempt < 3; attempt++)
            await GetAgent(host, AgentTokens.Mint());
        var lookupsBefore = host.Agents.Lookups;

        var response = await GetAgent(host, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(lookupsBefore, host.Agents.Lookups);
        Assert.Equal(0, host.Verifier.ChecksAgainst(agent.TokenHash));
    }

    [Fact]
    public async Task A_token_already_proven_keeps_working_while_its_client_is_blocked()
    {
        await using var host = await ApiHost.StartAsync(ThreeFailuresPerWindow);
        var (_, token) = host.Agents.Add(Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await GetAgent(host, token)).StatusCode);
        for (var attempt = 0; attempt < 3; attempt++)
            await GetAgent(host, AgentTokens.Mint());

        var response = await GetAgent(host, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Successful_authentications_do_not_count_against_the_limit()
    {
        await using var host = await ApiHost.StartAsync(ThreeFailuresPerWindow);
        var agents = Enumerable.Range(0, 6).Select(_ => host.Agents.Add(Guid.NewGuid())).ToList();

        var statuses = new List<HttpStatusCode>();
        foreach (var (_, token) in agents)
            statuses.Add((await GetAgent(host, token)).StatusCode);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Once_the_window_passes_the_client_may_try_again()
    {
        // The limiter's clock stands still until the test moves it, so a slow request cannot
        // let the window pass early.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["AGENT_AUTH_MAX_FAILURES"] = "2",
            ["AGENT_AUTH_FAILURE_WINDOW_SECONDS"] = "60",
        }, services => services.AddSingleton(sp => new FailedAuthLimiter(sp.GetRequiredService<ApiLimits>(), clock)));
        var (_, token) = host.Agents.Add(Guid.NewGuid());
        await GetAgent(host, AgentTokens.Mint());
        await GetAgent(host, AgentTokens.Mint());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAgent(host, token)).StatusCode);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAgent(host, token)).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await GetAgent(host, token)).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAgent(ApiHost host, string token)
    {
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Agent-Token", token);
        return await client.GetAsync("/test/agent");
    }
}
