using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Security;
using MissionControl.ReadModels.Queries;
using static MissionControl.Integration.Tests.ReadModels.Sample;

namespace MissionControl.Integration.Tests.ReadModels;

public sealed class AgentListAndTokenTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    private AgentQueries Agents => fixture.Get<AgentQueries>();

    [Fact]
    public async Task Given_agents_on_two_boards_of_two_gateways_When_listing_with_a_board_or_gateway_filter_Then_only_matching_agents_are_counted_and_returned()
    {
        var (gatewayA, gatewayB, boardA, boardB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var onA = await CreateAgentsAsync(gatewayA, boardA, 3);
        var onB = await CreateAgentsAsync(gatewayB, boardB, 2);
        var mainOfB = await CreateAgentsAsync(gatewayB, null, 1);

        var byBoard = await Agents.ListAsync(new AgentListFilter(BoardId: boardA), 200, 0);
        var byGateway = await Agents.ListAsync(new AgentListFilter(GatewayId: gatewayB), 200, 0);
        var both = await Agents.ListAsync(new AgentListFilter(BoardId: boardB, GatewayId: gatewayA), 200, 0);

        Assert.Equal(3, byBoard.Total);
        Assert.Equal(onA, byBoard.Items.Select(a => a.Id));
        Assert.Equal(3, byGateway.Total);
        Assert.Equal(onB.Concat(mainOfB), byGateway.Items.Select(a => a.Id));
        Assert.Equal(0, both.Total);
        Assert.Empty(both.Items);
        Assert.Equal(onB.Concat(mainOfB), (await Agents.OfGatewayAsync(gatewayB)).Select(a => a.Id));
    }

    [Fact]
    public async Task Given_five_agents_on_a_board_When_paging_by_two_Then_pages_do_not_overlap_and_total_counts_all_five()
    {
        var boardId = Guid.NewGuid();
        var created = await CreateAgentsAsync(Guid.NewGuid(), boardId, 5);
        var filter = new AgentListFilter(BoardId: boardId);

        var pages = new[] { await Agents.ListAsync(filter, 2, 0), await Agents.ListAsync(filter, 2, 2), await Agents.ListAsync(filter, 2, 4) };
        var beyond = await Agents.ListAsync(filter, 2, 10);

        Assert.All(pages, page => Assert.Equal(5, page.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal([(2, 0), (2, 2), (2, 4)], pages.Select(p => (p.Limit, p.Offset)));
        Assert.Equal(created, pages.SelectMany(p => p.Items).Select(a => a.Id));
        Assert.Equal(5, beyond.Total);
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task Given_a_limit_outside_one_to_two_hundred_or_a_negative_offset_When_listing_Then_it_is_refused()
    {
        var filter = new AgentListFilter(BoardId: Guid.NewGuid());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Agents.ListAsync(filter, 0, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Agents.ListAsync(filter, 201, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Agents.ListAsync(filter, 10, -1));
    }

    [Fact]
    public async Task Given_an_agent_with_a_token_When_looking_up_by_the_tokens_lookup_key_Then_the_agent_comes_back_with_its_hash()
    {
        var (agentId, boardId, token) = (Guid.NewGuid(), Guid.NewGuid(), AgentTokens.Mint());
        var created = Agent(agentId, Guid.NewGuid(), boardId, tokenLookup: AgentTokens.LookupKey(token)) with
        {
            TokenHash = AgentTokens.Hash(token, iterations: 1000),
        };
        await fixture.AppendAsync(AgentStream(agentId), 0, created);

        var candidate = Assert.Single(await Agents.FindByTokenLookupAsync(AgentTokens.LookupKey(token)));

        Assert.Equal(new AgentTokenCandidate(agentId, created.TokenHash, boardId, "provisioning"), candidate);
        Assert.True(AgentTokens.Verify(token, candidate.TokenHash));
    }

    [Fact]
    public async Task Given_an_agent_whose_token_was_rotated_When_looking_up_Then_only_the_new_key_finds_it_with_the_new_hash()
    {
        var (agentId, oldToken, newToken) = (Guid.NewGuid(), AgentTokens.Mint(), AgentTokens.Mint());
        await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, Guid.NewGuid(), null, tokenLookup: AgentTokens.LookupKey(oldToken)));
        var newHash = AgentTokens.Hash(newToken, iterations: 1000);

        await fixture.AppendAsync(AgentStream(agentId), 1, new AgentTokenRotated(newHash, At(1)) { TokenLookup = AgentTokens.LookupKey(newToken) });

        Assert.Empty(await Agents.FindByTokenLookupAsync(AgentTokens.LookupKey(oldToken)));
        Assert.Equal(newHash, Assert.Single(await Agents.FindByTokenLookupAsync(AgentTokens.LookupKey(newToken))).TokenHash);
    }

    [Fact]
    public async Task Given_two_agents_whose_tokens_share_a_lookup_key_When_looking_up_Then_both_are_candidates()
    {
        var (first, second, sharedKey) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid().ToString("N")[..8]);
        await fixture.AppendAsync(AgentStream(first), 0, Agent(first, Guid.NewGuid(), null, tokenLookup: sharedKey));
        await fixture.AppendAsync(AgentStream(second), 0, Agent(second, Guid.NewGuid(), null, tokenLookup: sharedKey));

        var candidates = await Agents.FindByTokenLookupAsync(sharedKey);

        Assert.Equal(new[] { first, second }.Order(), candidates.Select(c => c.AgentId).Order());
    }

    // Created one second apart so list order (by creation) is the order of the returned ids.
    private async Task<List<Guid>> CreateAgentsAsync(Guid gatewayId, Guid? boardId, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var agentId = Guid.NewGuid();
            await fixture.AppendAsync(AgentStream(agentId), 0,
                Agent(agentId, gatewayId, boardId, $"agent {i}") with { At = At(100 + Interlocked.Increment(ref _clock)) });
            ids.Add(agentId);
        }
        return ids;
    }

    private static int _clock;
}
