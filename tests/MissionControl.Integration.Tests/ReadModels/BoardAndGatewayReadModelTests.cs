using MissionControl.Grains.Boards;
using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Gateways;
using MissionControl.Grains.Gateways.Events;
using MissionControl.ReadModels.Queries;
using static MissionControl.Integration.Tests.ReadModels.Sample;

namespace MissionControl.Integration.Tests.ReadModels;

public sealed class BoardAndGatewayReadModelTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    private BoardQueries Boards => fixture.Get<BoardQueries>();

    private GatewayQueries Gateways => fixture.Get<GatewayQueries>();

    [Fact]
    public async Task Given_a_board_When_its_details_rules_gateway_lead_and_pause_change_Then_its_row_follows()
    {
        var (boardId, organizationId, leadId, newGateway) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(BoardStream(boardId), 0, Board(boardId, organizationId, Guid.NewGuid()));

        await fixture.AppendAsync(BoardStream(boardId), 1,
            new BoardDetailsChanged("Launch", "ship it", "ship v1", At(1)),
            new BoardRulesChanged(new BoardRules(RequireApprovalForDone: false, OnlyLeadCanChangeStatus: true, MaxAgents: 4), At(2)),
            new BoardGatewayChanged(newGateway, At(3)),
            new BoardLeadAssigned(leadId, At(4)),
            new BoardPaused(At(5)));

        var row = await Boards.GetAsync(boardId);
        Assert.NotNull(row);
        Assert.Equal(("Launch", "ship it", "ship v1"), (row.Name, row.Description, row.Objective));
        Assert.Equal((false, true, 4), (row.RequireApprovalForDone, row.OnlyLeadCanChangeStatus, row.MaxAgents));
        Assert.Equal((newGateway, leadId, true), (row.GatewayId, row.LeadAgentId, row.IsPaused));
        Assert.Equal(At(5), row.UpdatedAt);

        await fixture.AppendAsync(BoardStream(boardId), 6, new BoardResumed(At(6)));
        Assert.False((await Boards.GetAsync(boardId))!.IsPaused);
    }

    [Fact]
    public async Task Given_boards_of_an_organization_on_two_gateways_When_listing_Then_the_gateway_filter_applies_names_order_them_and_deleted_ones_are_gone()
    {
        var (organizationId, gatewayA, gatewayB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var charlie = await CreateBoardAsync(organizationId, gatewayA, "charlie");
        var alpha = await CreateBoardAsync(organizationId, gatewayB, "Alpha");
        var bravo = await CreateBoardAsync(organizationId, gatewayA, "bravo");
        var deleted = await CreateBoardAsync(organizationId, gatewayA, "aardvark");
        await CreateBoardAsync(Guid.NewGuid(), gatewayA, "another organization's");
        await fixture.AppendAsync(BoardStream(deleted), 1, new BoardDeleted(At(9)));

        var all = await Boards.ListAsync(organizationId, null, 200, 0);
        var onA = await Boards.ListAsync(organizationId, gatewayA, 1, 1);

        Assert.Equal([alpha, bravo, charlie], all.Items.Select(b => b.Id));
        Assert.Equal(3, all.Total);
        Assert.Equal(2, onA.Total);
        Assert.Equal(charlie, Assert.Single(onA.Items).Id);
        Assert.Null(await Boards.GetAsync(deleted));
        Assert.Equal(3, (await Boards.OfGatewayAsync(gatewayA)).Count); // two of ours and the other organization's
    }

    [Fact]
    public async Task Given_a_gateway_registered_with_a_token_When_projected_Then_it_says_it_has_one_and_no_column_or_row_holds_the_token()
    {
        var (gatewayId, organizationId) = (Guid.NewGuid(), Guid.NewGuid());
        const string token = "gw-secret-0d7c1f5e9a2b";
        await fixture.AppendAsync(GatewayStream(gatewayId), 0, Gateway(gatewayId, organizationId, "edge", token));
        await fixture.AppendAsync(GatewayStream(gatewayId), 1,
            new GatewayConnectionChanged("wss://gw.example.test", new GatewaySecret(token + "-rotated"), true, true, At(1)));

        Assert.True((await Gateways.GetAsync(gatewayId))!.HasToken);
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "select count(*) from information_schema.columns where table_schema = current_schema() and table_name = 'gateways' and column_name like '%token%' and column_name <> 'has_token'"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("select count(*) from gateways g where g::text like '%' || $1 || '%'", token));
        // The event stream does keep it: the connection needs it. Only the read model must not.
        Assert.Equal(2L, await fixture.ScalarAsync<long>("select count(*) from mt_events where stream_id = $1 and data::text like '%' || $2 || '%'", GatewayStream(gatewayId), token));
    }

    [Fact]
    public async Task Given_a_gateway_When_its_connection_details_and_main_agent_change_then_it_is_deleted_Then_the_row_follows_and_then_disappears()
    {
        var (gatewayId, organizationId, mainAgent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(GatewayStream(gatewayId), 0, Gateway(gatewayId, organizationId, token: "secret-token"));

        await fixture.AppendAsync(GatewayStream(gatewayId), 1,
            new GatewayConnectionChanged("wss://gw.example.test", Token: null, AllowInsecureTls: true, DisableDevicePairing: true, At(1)),
            new GatewayDetailsChanged("edge-2", "/data/ws", At(2)),
            new GatewayMainAgentAssigned(mainAgent, At(3)));

        var row = await Gateways.GetAsync(gatewayId);
        Assert.Equal(
            new GatewayRow(gatewayId, organizationId, "edge-2", "wss://gw.example.test", false, "/data/ws", true, true, mainAgent, At(0), At(3)),
            row);

        await fixture.AppendAsync(GatewayStream(gatewayId), 4, new GatewayDeleted(At(4)));
        Assert.Null(await Gateways.GetAsync(gatewayId));
        Assert.Equal(0, (await Gateways.ListAsync(organizationId, 200, 0)).Total);
    }

    [Fact]
    public async Task Given_three_gateways_of_an_organization_When_paging_Then_total_counts_all_and_items_follow_the_names()
    {
        var organizationId = Guid.NewGuid();
        foreach (var name in new[] { "gamma", "alpha", "beta" })
        {
            var gatewayId = Guid.NewGuid();
            await fixture.AppendAsync(GatewayStream(gatewayId), 0, Gateway(gatewayId, organizationId, name));
        }

        var first = await Gateways.ListAsync(organizationId, 2, 0);
        var second = await Gateways.ListAsync(organizationId, 2, 2);

        Assert.Equal((3L, 3L), (first.Total, second.Total));
        Assert.Equal(["alpha", "beta", "gamma"], first.Items.Concat(second.Items).Select(g => g.Name));
    }

    private static int _clock;

    private async Task<Guid> CreateBoardAsync(Guid organizationId, Guid gatewayId, string name)
    {
        var boardId = Guid.NewGuid();
        await fixture.AppendAsync(BoardStream(boardId), 0, Board(boardId, organizationId, gatewayId, name, Interlocked.Increment(ref _clock)));
        return boardId;
    }
}
