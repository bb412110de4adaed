using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Gateways.Events;
using MissionControl.Grains.Boards.Events;
using MissionControl.ReadModels.Projections;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;
using static MissionControl.Integration.Tests.ReadModels.Sample;

namespace MissionControl.Integration.Tests.ReadModels;

public sealed class AgentReadModelTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    private AgentQueries Agents => fixture.Get<AgentQueries>();

    [Fact]
    public async Task Given_a_gateway_of_an_organization_When_an_agent_is_created_on_it_Then_its_row_has_the_gateways_organization_and_is_provisioning()
    {
        var (organizationId, gatewayId, boardId, agentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(GatewayStream(gatewayId), 0, Gateway(gatewayId, organizationId));

        await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, gatewayId, boardId, "builder"));

        var row = await Agents.GetAsync(agentId);
        Assert.NotNull(row);
        Assert.Equal(organizationId, row.OrganizationId);
        Assert.Equal((boardId, gatewayId, "builder"), (row.BoardId, row.GatewayId, row.Name));
        Assert.Equal(AgentStatus.Provisioning, row.Status);
        Assert.False(row.IsGatewayMain);
        Assert.Equal($"agent:mc-{agentId}:main", row.SessionKey);
        Assert.Equal("10m", row.HeartbeatConfig["every"].GetString());
        Assert.Null(row.LastSeenAt);
        Assert.Equal(At(0), row.CreatedAt);
    }

    [Fact]
    public async Task Given_an_agent_created_before_its_gateway_was_projected_When_the_gateway_is_registered_Then_the_agent_learns_its_organization()
    {
        var (organizationId, gatewayId, agentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, gatewayId, boardId: null));
        Assert.Null((await Agents.GetAsync(agentId))!.OrganizationId);

        await fixture.AppendAsync(GatewayStream(gatewayId), 0, Gateway(gatewayId, organizationId));

        Assert.Equal(organizationId, (await Agents.GetAsync(agentId))!.OrganizationId);
    }

    [Fact]
    public async Task Given_an_agent_When_provisioning_completes_then_it_sends_a_heartbeat_and_its_profile_changes_Then_the_row_follows()
    {
        var agentId = Guid.NewGuid();
        await fixture.AppendAsync(AgentStream(agentId), 0,
            Agent(agentId, Guid.NewGuid(), Guid.NewGuid()),
            new AgentProvisionStarted(1, ProvisionAction.Provision, ForceBootstrap: false, Wake: true, At(1)),
            new AgentProvisionFailed(1, "gateway unreachable", At(2)));
        Assert.Equal((AgentStatus.Failed, "gateway unreachable"), Summary(await Agents.GetAsync(agentId)));

        await fixture.AppendAsync(AgentStream(agentId), 3,
            new AgentProvisionStarted(2, ProvisionAction.Update, ForceBootstrap: false, Wake: true, At(3)),
            new AgentProvisionCompleted(2, WakeSent: true, At(35), At(5)),
            new AgentHeartbeatRecorded("online", At(6)),
            new AgentProfileUpdated("renamed", new Dictionary<string, System.Text.Json.JsonElement>(),
                new Dictionary<string, string> { ["role"] = "Researcher" }, "# identity", null, At(7)));

        var row = await Agents.GetAsync(agentId);
        Assert.Equal(("online", null), Summary(row));
        Assert.Equal(At(6), row!.LastSeenAt);
        Assert.Equal("renamed", row.Name);
        Assert.Equal("Researcher", row.IdentityProfile!["role"]);
        Assert.Equal("# identity", row.IdentityTemplate);
        Assert.Equal(At(7), row.UpdatedAt);
    }

    [Fact]
    public async Task Given_events_the_evolver_ignores_or_guards_When_projected_Then_status_and_error_match_the_grain_state()
    {
        var agentId = Guid.NewGuid();
        AgentEvent[] events =
        [
            Agent(agentId, Guid.NewGuid(), Guid.NewGuid()),
            new AgentProvisionStarted(1, ProvisionAction.Provision, false, false, At(1)),
            new AgentProvisionStarted(2, ProvisionAction.Update, false, false, At(2)),
            new AgentProvisionCompleted(1, WakeSent: false, null, At(3)), // superseded attempt: ignored
            new AgentProvisionFailed(2, "files.set failed", At(4)),
            new AgentDeletionStarted(At(5)),
            new AgentProvisionCompleted(2, WakeSent: false, null, At(6)), // late news: status stays deleting, error clears
            new AgentDeletionFailed("agents.delete failed", At(7)),
        ];
        await fixture.AppendAsync(AgentStream(agentId), 0, events);

        var state = AgentEvolver.Fold(events)!;
        var row = await Agents.GetAsync(agentId);
        Assert.Equal((state.Status, state.LastProvisionError), Summary(row));
        Assert.Equal((AgentStatus.Deleting, null), Summary(row));
        Assert.Equal(state.UpdatedAt, row!.UpdatedAt);
    }

    [Fact]
    public async Task Given_a_board_agent_When_its_scope_changes_to_gateway_main_on_another_organizations_gateway_Then_board_and_organization_follow()
    {
        var (agentId, otherOrganization, otherGateway) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(GatewayStream(otherGateway), 0, Gateway(otherGateway, otherOrganization));
        await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, Guid.NewGuid(), Guid.NewGuid()) with { IsBoardLead = true });

        await fixture.AppendAsync(AgentStream(agentId), 1,
            new AgentScopeChanged(null, otherGateway, IsBoardLead: false, $"agent:mc-gateway-{otherGateway}:main", At(1)));

        var row = await Agents.GetAsync(agentId);
        Assert.Null(row!.BoardId);
        Assert.True(row.IsGatewayMain);
        Assert.False(row.IsBoardLead);
        Assert.Equal((otherGateway, otherOrganization), (row.GatewayId, row.OrganizationId));
        Assert.Equal($"agent:mc-gateway-{otherGateway}:main", row.SessionKey);
    }

    [Fact]
    public async Task Given_a_deleted_agent_When_queried_Then_get_list_gateway_agents_and_token_lookup_no_longer_return_it()
    {
        var (gatewayId, agentId, lookup) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid().ToString("N")[..8]);
        await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, gatewayId, null, tokenLookup: lookup));

        await fixture.AppendAsync(AgentStream(agentId), 1, new AgentDeletionStarted(At(1)), new AgentDeleted(At(2)));

        Assert.Null(await Agents.GetAsync(agentId));
        Assert.Equal(0, (await Agents.ListAsync(new AgentListFilter(GatewayId: gatewayId), 200, 0)).Total);
        Assert.Empty(await Agents.OfGatewayAsync(gatewayId));
        Assert.Empty(await Agents.FindByTokenLookupAsync(lookup));
        Assert.True(await fixture.ScalarAsync<bool>("select deleted from agents where id = $1", agentId));
    }

    [Fact]
    public async Task Given_many_agents_beating_at_once_and_one_beating_twice_in_an_append_When_projected_Then_every_row_shows_its_latest_heartbeat()
    {
        var agentIds = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();
        foreach (var agentId in agentIds)
            await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, Guid.NewGuid(), Guid.NewGuid()));

        // Appended together, they share group commits, and with them set-based row updates.
        await System.Threading.Tasks.Task.WhenAll(agentIds.Select((agentId, i) => fixture.AppendAsync(AgentStream(agentId), 1,
            new AgentHeartbeatRecorded(AgentStatus.Online, At(10 + i)),
            new AgentHeartbeatRecorded(AgentStatus.Updating, At(100 + i)))));

        for (var i = 0; i < agentIds.Count; i++)
        {
            var row = await Agents.GetAsync(agentIds[i]);
            Assert.Equal((AgentStatus.Updating, At(100 + i)), (row!.Status, row.LastSeenAt));
            Assert.Equal(3L, await fixture.ScalarAsync<long>("select version from agents where id = $1", agentIds[i]));
        }
    }

    [Fact]
    public async Task Given_a_heartbeat_already_projected_When_the_same_event_is_projected_again_Then_the_row_does_not_move_back()
    {
        var agentId = Guid.NewGuid();
        await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, Guid.NewGuid(), Guid.NewGuid()),
            new AgentHeartbeatRecorded(AgentStatus.Online, At(5)), new AgentHeartbeatRecorded(AgentStatus.Updating, At(9)));
        var batch = new ProjectionBatch();
        var projection = fixture.Get<IEnumerable<IInlineProjection>>().OfType<AgentProjection>().Single();

        Assert.True(projection.TryBatch(new RecordedEvent(0, AgentStream(agentId), 2, "agent.heartbeat_recorded",
            new AgentHeartbeatRecorded(AgentStatus.Online, At(5)), EventMetadata.Empty, At(5)), batch));
        await using (var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var replay = new NpgsqlBatch(connection))
        {
            batch.MoveTo(replay);
            await replay.ExecuteNonQueryAsync();
        }

        var row = await Agents.GetAsync(agentId);
        Assert.Equal((AgentStatus.Updating, At(9)), (row!.Status, row.LastSeenAt));
    }

    [Fact]
    public async Task Given_a_gateways_main_agent_and_a_boards_lead_When_the_main_moves_onto_a_board_and_the_lead_is_deleted_Then_neither_is_named_any_more()
    {
        var (organizationId, gatewayId, boardId, mainId, leadId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(GatewayStream(gatewayId), 0, Gateway(gatewayId, organizationId));
        await fixture.AppendAsync(BoardStream(boardId), 0, Board(boardId, organizationId, gatewayId));
        await fixture.AppendAsync(AgentStream(mainId), 0, Agent(mainId, gatewayId, boardId: null, "main"));
        await fixture.AppendAsync(AgentStream(leadId), 0, Agent(leadId, gatewayId, boardId, "lead"));
        await fixture.AppendAsync(GatewayStream(gatewayId), 1, new GatewayMainAgentAssigned(mainId, At(1)));
        await fixture.AppendAsync(BoardStream(boardId), 1, new BoardLeadAssigned(leadId, At(1)));
        Assert.Equal(mainId, (await fixture.Get<GatewayQueries>().GetAsync(gatewayId))!.MainAgentId);
        Assert.Equal(leadId, (await fixture.Get<BoardQueries>().GetAsync(boardId))!.LeadAgentId);

        await fixture.AppendAsync(AgentStream(mainId), 1, new AgentScopeChanged(boardId, gatewayId, IsBoardLead: false, $"agent:mc-{mainId}:main", At(2)));
        await fixture.AppendAsync(AgentStream(leadId), 1, new AgentDeletionStarted(At(3)), new AgentDeleted(At(4)));

        Assert.Null((await fixture.Get<GatewayQueries>().GetAsync(gatewayId))!.MainAgentId);
        Assert.Null((await fixture.Get<BoardQueries>().GetAsync(boardId))!.LeadAgentId);
        Assert.Equal(boardId, (await Agents.GetAsync(mainId))!.BoardId);
    }

    private static (string? Status, string? Error) Summary(AgentRow? row) => (row?.Status, row?.LastProvisionError);
}
