using System.Net;
using System.Net.Http.Headers;
using MissionControl.Api.Tests.Support;
using MissionControl.Grains.Security;

namespace MissionControl.Api.Tests;

/// <summary>
/// Agents authenticate with their own token. A token is found by its lookup key with one read and
/// proven by PBKDF2 once; later uses are recognised without hashing until the stored hash changes.
/// </summary>
public sealed class AgentAuthenticationTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task The_right_token_in_X_Agent_Token_authenticates_its_agent()
    {
        var boardId = Guid.NewGuid();
        var (agent, token) = host.Agents.Add(boardId, isBoardLead: true);

        var response = await GetAgent(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(agent.AgentId, body.GetProperty("agent_id").GetGuid());
        Assert.Equal(boardId, body.GetProperty("board_id").GetGuid());
        Assert.Equal("lead", body.GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_right_token_as_a_bearer_credential_authenticates_its_agent()
    {
        var (agent, token) = host.Agents.Add(boardId: null);
        using var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var body = await (await client.GetAsync("/test/agent")).JsonAsync();

        Assert.Equal(agent.AgentId, body.GetProperty("agent_id").GetGuid());
        Assert.Equal("main", body.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_wrong_token_answers_401()
    {
        host.Agents.Add(Guid.NewGuid());

        var response = await GetAgent(AgentTokens.Mint());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.DetailAsync());
    }

    [Fact]
    public async Task Without_a_token_an_agent_route_answers_401()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/test/agent");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_local_user_token_is_not_an_agent_credential()
    {
        using var client = host.UserClient();

        var response = await client.GetAsync("/test/agent");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_used_again_is_looked_up_once_more_but_not_hashed_again()
    {
        var (agent, token) = host.Agents.Add(Guid.NewGuid());

        await GetAgent(token);
        var lookupsBefore = host.Agents.Lookups;
        var second = await GetAgent(token);
        var third = await GetAgent(token);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, host.Verifier.ChecksAgainst(agent.TokenHash));
        Assert.True(host.Agents.Lookups - lookupsBefore >= 2, "each use still reads the agent's current hash");
    }

    [Fact]
    public async Task A_new_hash_for_the_same_token_is_proven_again_before_it_is_trusted()
    {
        var (agent, token) = host.Agents.Add(Guid.NewGuid());
        await GetAgent(token);

        var rehashed = host.Agents.Rehash(agent.AgentId, token);
        var afterRehash = await GetAgent(token);
        await GetAgent(token);

        Assert.Equal(HttpStatusCode.OK, afterRehash.StatusCode);
        Assert.Equal(1, host.Verifier.ChecksAgainst(agent.TokenHash));
        Assert.Equal(1, host.Verifier.ChecksAgainst(rehashed.TokenHash));
    }

    [Fact]
    public async Task After_rotation_the_old_token_is_refused_and_the_new_one_accepted()
    {
        var (agent, oldToken) = host.Agents.Add(Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await GetAgent(oldToken)).StatusCode);

        var newToken = host.Agents.Rotate(agent.AgentId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAgent(oldToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAgent(newToken)).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAgent(string token)
    {
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Agent-Token", token);
        return await client.GetAsync("/test/agent");
    }
}
