using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Integration.Tests.Agents;
using MissionControl.ReadModels.Queries;
using MissionControl.Testing;
using Orleans;

namespace MissionControl.Integration.Tests.Lifecycle;

public sealed class CascadeDeletionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Given_an_organization_being_deleted_When_the_silo_running_the_deletion_dies_halfway_Then_a_survivor_finishes_it_and_nothing_is_left()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync(silos: 2);
        var ownerId = Guid.NewGuid();
        var organizationId = Guid.NewGuid();
        await cluster.Grains().GetGrain<IOrganizationGrain>(organizationId.ToString())
            .Create(new NewOrganization("Doomed", ownerId, "owner@doomed.test"));
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var gatewayAgents = new List<string> { $"mc-gateway-{gatewayId}" };
        var boardIds = new List<Guid>();
        foreach (var name in new[] { "First", "Second", "Third" })
        {
            boardIds.Add(await cluster.BoardAsync(organizationId, gatewayId, name));
            var worker = await cluster.Grains().GetGrain<IGatewayRosterGrain>(gatewayId.ToString())
                .AddWorker(new NewAgent(Guid.NewGuid(), name, boardIds[^1], gatewayId));
            gatewayAgents.Add($"mc-{worker.Id}");
        }
        var deletion = cluster.Grains().GetGrain<ICascadeDeletionGrain>(CascadeKeys.Organization(organizationId));
        gateway.Faults.Hold("agents.delete");

        var run = deletion.Run(ownerId);
        await Eventually.WaitUntil(() => Task.FromResult(gateway.Received.GetValueOrDefault("agents.delete") > 0),
            Patience, "the first agent's cleanup reaches the gateway");
        var host = await cluster.HostOfAsync(deletion);
        var survivor = cluster.OtherThan(host);
        await host.KillAsync();
        gateway.Faults.Release("agents.delete");
        await Assert.ThrowsAnyAsync<Exception>(() => run); // its silo died under it

        var services = survivor.Services; // the primary's are gone with it, when it was the host
        await Eventually.WaitUntil(async () => await IsGoneAsync(survivor.Grains, organizationId),
            Patience, "the deletion is finished on the surviving silo");
        Assert.Empty(await services.GetRequiredService<AgentQueries>().OfGatewayAsync(gatewayId));
        foreach (var boardId in boardIds)
            Assert.Null(await services.GetRequiredService<BoardQueries>().GetAsync(boardId));
        Assert.Null(await services.GetRequiredService<GatewayQueries>().GetAsync(gatewayId));
        Assert.All(gatewayAgents, id => Assert.False(gateway.State.HasAgent(id), $"{id} is left on the gateway"));
    }

    [Fact]
    public async Task Given_a_board_whose_gateway_refuses_a_cleanup_When_deleted_Then_the_board_stays_with_the_error_and_deleting_again_finishes_it()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync();
        var organizationId = await cluster.OrganizationAsync();
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var boardId = await cluster.BoardAsync(organizationId, gatewayId);
        var worker = await cluster.Grains().GetGrain<IGatewayRosterGrain>(gatewayId.ToString())
            .AddWorker(new NewAgent(Guid.NewGuid(), "Stubborn", boardId, gatewayId));
        var deletion = cluster.Grains().GetGrain<ICascadeDeletionGrain>(CascadeKeys.Board(boardId));
        gateway.Faults.Fail("agents.delete", "cleanup refused", times: 1);

        var refused = await deletion.Run(null);
        var boardAfterRefusal = await cluster.Service<BoardQueries>().GetAsync(boardId);
        var again = await deletion.Run(null);

        Assert.False(refused.Deleted);
        Assert.Contains("cleanup refused", refused.Error);
        Assert.NotNull(boardAfterRefusal);
        Assert.True(again.Deleted);
        Assert.Null(await cluster.Service<BoardQueries>().GetAsync(boardId));
        Assert.Null(await cluster.Agent(worker.Id).Get());
    }

    private static async Task<bool> IsGoneAsync(IGrainFactory grains, Guid organizationId)
    {
        try
        {
            await grains.GetGrain<IOrganizationGrain>(organizationId.ToString()).Get();
            return false;
        }
        catch (Exception)
        {
            return true; // NotFound once deleted; also while the dead silo is still being voted out
        }
    }
}
