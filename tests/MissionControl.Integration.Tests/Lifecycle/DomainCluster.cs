using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Integration.Tests.Agents;
using MissionControl.OpenClaw.Resilience;
using MissionControl.ReadModels;
using MissionControl.ReadModels.Work;
using MissionControl.Testing;
using Orleans;

namespace MissionControl.Integration.Tests.Lifecycle;

/// <summary>The whole domain as the service composes it, with gateways registered at a fake gateway's address.</summary>
public static class DomainCluster
{
    public static Task<TestCluster> StartAsync(int silos = 1, AgentOptions? options = null, NoticeOptions? notices = null) =>
        TestCluster.StartAsync(silos,
            silo => silo.AddMissionControlDomain(),
            services => services
                .AddSingleton(options ?? AgentCluster.FastOptions())
                .AddSingleton(notices ?? new NoticeOptions { PollEvery = TimeSpan.FromMilliseconds(50) })
                .AddSingleton<GatewayResilienceOptions>(FastClientSettings.Resilience));

    public static T Service<T>(this TestCluster cluster) where T : notnull =>
        cluster.Primary.Services.GetRequiredService<T>();

    public static IGrainFactory Grains(this TestCluster cluster) => cluster.Primary.Grains;

    /// <summary>A fresh organization named Acme.</summary>
    public static async Task<Guid> OrganizationAsync(this TestCluster cluster)
    {
        var organizationId = Guid.NewGuid();
        await cluster.Grains().GetGrain<IOrganizationGrain>(organizationId.ToString())
            .Create(new NewOrganization("Acme", Guid.NewGuid(), "owner@acme.test"));
        return organizationId;
    }

    /// <summary>A gateway at the fake's address with its main agent provisioned.</summary>
    public static async Task<Guid> GatewayAsync(this TestCluster cluster, FakeGateway gateway, Guid organizationId)
    {
        var gatewayId = Guid.NewGuid();
        await cluster.Grains().GetGrain<IGatewayGrain>(gatewayId.ToString())
            .Register(new NewGateway(organizationId, "Fake gateway", gateway.Url.ToString(), "/srv/workspaces") { Token = gateway.Token });
        var mainId = await cluster.Service<AgentPlacement>().EnsureGatewayMainAsync(gatewayId);
        await cluster.StatusAfterProvisioningAsync(mainId);
        return gatewayId;
    }

    public static async Task<Guid> BoardAsync(this TestCluster cluster, Guid organizationId, Guid gatewayId, string name = "Launch")
    {
        var boardId = Guid.NewGuid();
        await cluster.Grains().GetGrain<IBoardGrain>(boardId.ToString())
            .Create(new NewBoard(organizationId, name, $"{name} board", gatewayId));
        return boardId;
    }
}

public static class ReadModelChecks
{
    /// <summary>The agent's token hash as the read model holds it (what the front door verifies against).</summary>
    public static async Task<string> TokenHashFromReadModelAsync(this TestCluster cluster, Guid agentId)
    {
        var agent = (await cluster.Service<MissionControl.ReadModels.Queries.AgentQueries>().GetAsync(agentId))!;
        var lookup = await cluster.Service<MissionControl.ReadModels.Queries.AgentQueries>().FindByTokenLookupAsync((await cluster.CurrentTokenAsync(agentId)).Lookup!);
        return lookup.Single(c => c.AgentId == agent.Id).TokenHash;
    }
}
