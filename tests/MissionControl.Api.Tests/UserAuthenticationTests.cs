using System.Net;
using System.Net.Http.Headers;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests;

/// <summary>AUTH_MODE=local: the shared token as a bearer credential is the local user.</summary>
public sealed class UserAuthenticationTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_local_token_authenticates_the_local_user()
    {
        using var client = host.UserClient();

        var response = await client.GetAsync("/test/user");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local-auth-user", (await response.JsonAsync()).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Without_a_token_a_user_route_answers_401_unauthorized()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/test/user");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.DetailAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("Bearer", "not-the-local-token")]
    [InlineData("Bearer", MissionControlFactory.LocalToken + "x")]
    [InlineData("Basic", MissionControlFactory.LocalToken)]
    public async Task A_wrong_token_or_scheme_answers_401(string scheme, string token)
    {
        using var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);

        var response = await client.GetAsync("/test/user");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_token_is_not_a_user_credential()
    {
        var (_, token) = host.Agents.Add(Guid.NewGuid());
        using var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/test/user");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_route_open_to_users_and_agents_accepts_either()
    {
        var (agent, token) = host.Agents.Add(Guid.NewGuid());
        using var userClient = host.UserClient();
        using var agentClient = host.Client();
        agentClient.DefaultRequestHeaders.Add("X-Agent-Token", token);
        using var bearerAgentClient = host.Client();
        bearerAgentClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var asUser = await (await userClient.GetAsync("/test/either")).JsonAsync();
        var asAgent = await (await agentClient.GetAsync("/test/either")).JsonAsync();
        var asBearerAgent = await (await bearerAgentClient.GetAsync("/test/either")).JsonAsync();

        Assert.Equal("local-auth-user", asUser.GetProperty("user").GetProperty("subject").GetString());
        Assert.Equal(agent.AgentId, asAgent.GetProperty("agent").GetProperty("agent_id").GetGuid());
        Assert.Equal(agent.AgentId, asBearerAgent.GetProperty("agent").GetProperty("agent_id").GetGuid());
    }

    [Fact]
    public async Task A_route_open_to_users_and_agents_answers_401_to_nobody()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/test/either");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.DetailAsync());
    }
}
