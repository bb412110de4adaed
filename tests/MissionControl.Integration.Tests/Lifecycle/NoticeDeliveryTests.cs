using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Integration.Tests.Agents;
using MissionControl.ReadModels.Work;
using MissionControl.Testing;
using Npgsql;

namespace MissionControl.Integration.Tests.Lifecycle;

public sealed class NoticeDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Given_a_chat_whose_message_is_on_its_way_When_the_silo_sending_it_dies_Then_the_other_silo_sends_it_again_and_the_lead_gets_it_once()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync(silos: 2,
            notices: new NoticeOptions { PollEvery = TimeSpan.FromMilliseconds(50), Lease = TimeSpan.FromSeconds(2) });
        var organizationId = await cluster.OrganizationAsync();
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var boardId = await cluster.BoardAsync(organizationId, gatewayId);
        var leadId = await cluster.Service<AgentPlacement>().EnsureBoardLeadAsync(boardId);
        await cluster.StatusAfterProvisioningAsync(leadId);
        var marker = Guid.NewGuid().ToString("N");
        var sendsBefore = gateway.Received.GetValueOrDefault("chat.send");
        await using var database = cluster.Database.CreateDataSource();
        gateway.Faults.Hold("chat.send");

        await cluster.Grains().GetGrain<IBoardGrain>(boardId.ToString())
            .PostMemory(new NewBoardMemory($"status please {marker}", ["chat"], "Tester", null, null));
        await Eventually.WaitUntil(() => Task.FromResult(gateway.Received.GetValueOrDefault("chat.send") > sendsBefore),
            Patience, "a silo sends the lead's message");
        var claimant = await ClaimantAsync(database);
        var sender = cluster.Silos.Single(silo => silo.SiloId == claimant);
        await sender.KillAsync();
        gateway.Faults.Release("chat.send");

        await Eventually.WaitUntil(async () => await PendingAsync(database) == 0, Patience, "the survivor sends it and empties the outbox");
        Assert.True(gateway.Received.GetValueOrDefault("chat.send") >= sendsBefore + 2, "the survivor sent it again");
        Assert.Single(gateway.State.Chats, chat => chat.Message.Contains(marker, StringComparison.Ordinal));
    }

    private static async Task<string?> ClaimantAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("select claimed_by from notice_outbox");
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task<long> PendingAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("select count(*) from notice_outbox");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
