using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.ReadModels.Queries;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Agents;

/// <summary>
/// One organization with a gateway (and its main agent), a board with a lead and a worker, and
/// an admin who may write every board: the usual cast of the agents API tests.
/// </summary>
internal sealed record AgentScene(
    World World, TestOrganization Organization, Guid GatewayId, Guid BoardId, TestAgent Lead, TestAgent Worker, TestAgent Main, TestUser Admin)
{
    public static async Task<AgentScene> CreateAsync(World world, int maxAgents = 5)
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var boardId = await world.NewBoardAsync(organization, gatewayId, rules: new WorkflowRules(MaxAgents: maxAgents));
        var lead = await world.NewAgentAsync(boardId, lead: true);
        var worker = await world.NewAgentAsync(boardId, "Walker");
        var main = await world.GatewayMainAsync(gatewayId);
        var admin = await world.AddMemberAsync(organization, "admin", new MemberAccess(true, true, new Dictionary<Guid, BoardPermission>()));
        return new AgentScene(world, organization, gatewayId, boardId, lead, worker, main, admin);
    }

    public HttpClient AdminClient() => World.ClientFor(Admin);

    public HttpClient ClientFor(TestAgent agent) => World.ClientFor(agent);

    public IAgentGrain Grain(Guid agentId) => World.Grain<IAgentGrain>(agentId);

    /// <summary>The gateway-side id of an agent (its workspace on the fake).</summary>
    public async Task<string> GatewayAgentIdAsync(Guid agentId) => (await Grain(agentId).Get())!.SessionKey.Split(':')[1];

    /// <summary>Every live agent of the organization, as the read model has them.</summary>
    public async Task<IReadOnlyList<AgentRow>> AgentsAsync() =>
        (await World.Services.GetRequiredService<AgentQueries>().ListAsync(new AgentListFilter(OrganizationId: Organization.Id), 200, 0)).Items;

    /// <summary>Waits until the agent's latest provision attempt has finished successfully.</summary>
    public async Task WaitProvisionedAsync(Guid agentId) =>
        await Eventually.WaitUntil(async () => (await Grain(agentId).Get())?.LastProvision is { Outcome: "completed" },
            TimeSpan.FromSeconds(30), "the agent is provisioned");
}
