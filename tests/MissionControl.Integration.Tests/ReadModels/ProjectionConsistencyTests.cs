using Microsoft.Extensions.DependencyInjection;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Organizations;
using MissionControl.Grains.Organizations.Events;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;
using static MissionControl.Integration.Tests.ReadModels.Sample;

namespace MissionControl.Integration.Tests.ReadModels;

public sealed class ProjectionConsistencyTests(FailingProjectionFixture fixture) : IClassFixture<FailingProjectionFixture>
{
    private AgentQueries Agents => fixture.Get<AgentQueries>();

    [Fact]
    public async Task Given_a_projection_that_fails_When_an_agent_is_created_Then_neither_the_event_nor_any_read_model_row_is_persisted()
    {
        var agentId = Guid.NewGuid();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, Guid.NewGuid(), null, FailingProjectionFixture.Doomed)));

        Assert.Empty(await fixture.Store.ReadStreamAsync(AgentStream(agentId), 0));
        Assert.Null(await Agents.GetAsync(agentId));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("select count(*) from agents where id = $1", agentId));
    }

    [Fact]
    public async Task Given_a_projection_that_fails_on_an_update_When_appending_it_Then_stream_and_row_keep_their_previous_version()
    {
        var agentId = Guid.NewGuid();
        await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, Guid.NewGuid(), null, "steady"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.AppendAsync(AgentStream(agentId), 1,
            new AgentHeartbeatRecorded("online", At(1)),
            new AgentProfileUpdated(FailingProjectionFixture.Doomed, new Dictionary<string, System.Text.Json.JsonElement>(), null, null, null, At(2))));

        Assert.Single(await fixture.Store.ReadStreamAsync(AgentStream(agentId), 0));
        var row = await Agents.GetAsync(agentId);
        Assert.Equal(("steady", "provisioning", null), (row!.Name, row.Status, row.LastSeenAt));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("select version from agents where id = $1", agentId));
        // The stream is still at version 1, so the next append from there succeeds.
        await fixture.AppendAsync(AgentStream(agentId), 1, new AgentHeartbeatRecorded("online", At(3)));
        Assert.Equal("online", (await Agents.GetAsync(agentId))!.Status);
    }

    [Fact]
    public async Task Given_a_projected_agent_When_its_older_events_are_applied_again_Then_nothing_changes()
    {
        var agentId = Guid.NewGuid();
        var created = Agent(agentId, Guid.NewGuid(), Guid.NewGuid(), "original");
        var heartbeat = new AgentHeartbeatRecorded("online", At(1));
        await fixture.AppendAsync(AgentStream(agentId), 0, created, heartbeat, new AgentWentOffline(At(1), "silent", At(2)));
        var before = await Agents.GetAsync(agentId);

        // Only events older than the row's version 3: re-applying the latest would hide a missing guard.
        await ReapplyAsync(AgentStream(agentId), 1, created with { Name = "replayed" });
        await ReapplyAsync(AgentStream(agentId), 2, heartbeat);

        Assert.Equal("offline", before!.Status);
        Assert.Equivalent(before, await Agents.GetAsync(agentId), strict: true);
        Assert.Equal(3L, await fixture.ScalarAsync<long>("select version from agents where id = $1", agentId));
    }

    [Fact]
    public async Task Given_a_removed_member_When_the_older_event_that_added_them_is_applied_again_Then_they_stay_removed()
    {
        var (organizationId, member) = (Guid.NewGuid(), Guid.NewGuid());
        var added = Member(member, Roles.Member, (Guid.NewGuid(), true));
        await fixture.AppendAsync(OrganizationStream(organizationId), 0,
            Organization(organizationId), added, new OrganizationMemberRemoved(member, At(2)));

        await ReapplyAsync(OrganizationStream(organizationId), 2, added);

        var organizations = fixture.Get<OrganizationQueries>();
        Assert.Null(await organizations.MemberAccessAsync(organizationId, member));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("select count(*) from organization_board_access where user_id = $1", member));
    }

    // What a replay or rebuild would do: run the registered projections for an event already applied.
    private async Task ReapplyAsync(string streamId, long version, object data)
    {
        var recorded = new RecordedEvent(0, streamId, version, "replayed", data, EventMetadata.Empty, DateTimeOffset.UtcNow);
        await using var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var projection in fixture.Services.GetServices<IInlineProjection>().Where(p => p.Handles(data.GetType())))
            await projection.ApplyAsync(connection, recorded, CancellationToken.None);
        await tx.CommitAsync();
    }
}
