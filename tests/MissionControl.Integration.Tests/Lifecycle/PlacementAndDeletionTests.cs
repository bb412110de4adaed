using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Integration.Tests.Agents;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Integration.Tests.Lifecycle;

public sealed class PlacementAndDeletionTests
{
    [Fact]
    public async Task Given_a_gateway_and_a_board_When_their_main_agent_and_lead_are_ensured_twice_Then_each_exists_once_provisioned_with_its_role()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync(silos: 2);
        var organizationId = await cluster.OrganizationAsync();
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var boardId = await cluster.BoardAsync(organizationId, gatewayId);
        var placement = cluster.Service<AgentPlacement>();

        var leads = await Task.WhenAll(placement.EnsureBoardLeadAsync(boardId), placement.EnsureBoardLeadAsync(boardId));
        var mainAgain = await placement.EnsureGatewayMainAsync(gatewayId);

        Assert.Equal(leads[0], leads[1]);
        Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(leads[0]));
        var lead = (await cluster.Agent(leads[0]).Get())!;
        Assert.Equal("Lead Agent", lead.Name);
        Assert.True(lead.IsBoardLead);
        Assert.Equal("Board Lead", lead.IdentityProfile!["role"]);
        Assert.Equal(leads[0], (await cluster.Grains().GetGrain<IBoardGrain>(boardId.ToString()).Get()).LeadAgentId);
        Assert.True(gateway.State.HasAgent($"lead-{boardId}"));
        Assert.Equal(mainAgain, (await cluster.Grains().GetGrain<IGatewayGrain>(gatewayId.ToString()).Get()).MainAgentId);
        Assert.True(gateway.State.HasAgent($"mc-gateway-{gatewayId}"));
        Assert.Contains("Gateway Agent", (await cluster.Agent(mainAgain).Get())!.Name);
        // The gateway-main agent serves the organization's owner; its USER.md is rewritten over the gateway's default.
        Assert.Contains("owner@acme.test", gateway.State.FilesOf($"mc-gateway-{gatewayId}")["USER.md"]);
        Assert.Equal(2, (await cluster.Service<AgentQueries>().OfGatewayAsync(gatewayId)).Count);
    }

    [Fact]
    public async Task Given_a_lead_and_a_main_agent_that_were_deleted_When_ensured_again_Then_each_is_replaced_once_and_named_by_its_board_and_gateway()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync(silos: 2);
        var organizationId = Guid.NewGuid();
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var boardId = await cluster.BoardAsync(organizationId, gatewayId);
        var placement = cluster.Service<AgentPlacement>();
        var firstLead = await placement.EnsureBoardLeadAsync(boardId);
        var firstMain = await placement.EnsureGatewayMainAsync(gatewayId);
        await cluster.StatusAfterProvisioningAsync(firstLead);
        Assert.True((await cluster.Agent(firstLead).Delete()).Deleted);
        Assert.True((await cluster.Agent(firstMain).Delete()).Deleted);

        var leads = await Task.WhenAll(placement.EnsureBoardLeadAsync(boardId), placement.EnsureBoardLeadAsync(boardId));
        var mains = await Task.WhenAll(placement.EnsureGatewayMainAsync(gatewayId), placement.EnsureGatewayMainAsync(gatewayId));

        Assert.Equal(leads[0], leads[1]);
        Assert.NotEqual(firstLead, leads[0]);
        Assert.Equal(mains[0], mains[1]);
        Assert.NotEqual(firstMain, mains[0]);
        Assert.Equal(leads[0], (await cluster.Grains().GetGrain<IBoardGrain>(boardId.ToString()).Get()).LeadAgentId);
        Assert.Equal(mains[0], (await cluster.Grains().GetGrain<IGatewayGrain>(gatewayId.ToString()).Get()).MainAgentId);
        Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(leads[0]));
        Assert.True(gateway.State.HasAgent($"lead-{boardId}"));
    }

    [Fact]
    public async Task Given_an_agent_with_tasks_When_it_is_deleted_Then_its_in_progress_task_returns_to_the_inbox_others_lose_the_assignee_and_the_main_agent_hears_of_the_workspace()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync();
        var organizationId = Guid.NewGuid();
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var boardId = await cluster.BoardAsync(organizationId, gatewayId);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(new NewAgent(agentId, "Builder", boardId, gatewayId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        var working = await TaskAsync(cluster, boardId, agentId, "in_progress");
        var reviewing = await TaskAsync(cluster, boardId, agentId, "review");

        var deletion = await cluster.Agent(agentId).Delete();

        Assert.True(deletion.Deleted, deletion.Error);
        var tasks = cluster.Service<TaskQueries>();
        var first = (await tasks.GetAsync(working))!;
        var second = (await tasks.GetAsync(reviewing))!;
        Assert.Equal(("inbox", (Guid?)null), (first.Status, first.AssignedAgentId));
        Assert.Equal(("review", (Guid?)null), (second.Status, second.AssignedAgentId));
        Assert.Empty(await tasks.AssignedToAsync(agentId));
        Assert.Null(await cluster.Service<AgentQueries>().GetAsync(agentId));
        Assert.False(gateway.State.HasAgent($"mc-{agentId}"));
        var cleanup = Assert.Single(gateway.State.Chats, c => c.SessionKey == $"agent:mc-gateway-{gatewayId}:main" && c.Message.Contains("Builder"));
        Assert.Contains($"/srv/workspaces/workspace-mc-{agentId}", cleanup.Message);
    }

    private static async Task<Guid> TaskAsync(Testing.TestCluster cluster, Guid boardId, Guid agentId, string status)
    {
        var taskId = Guid.NewGuid();
        await cluster.Grains().GetGrain<ITaskGrain>(taskId.ToString())
            .Create(new NewTask(boardId, $"Task in {status}") { Status = status, AssignedAgentId = agentId });
        return taskId;
    }
}
