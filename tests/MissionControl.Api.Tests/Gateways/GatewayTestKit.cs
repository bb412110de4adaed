using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.ReadModels.Queries;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Gateways;

/// <summary>What the gateway and board tests share: grants, waits and what is stored.</summary>
internal static class GatewayTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A member of <paramref name="organization"/> with one grant on <paramref name="boardId"/>.</summary>
    public static Task<TestUser> MemberWithGrantAsync(this World world, TestOrganization organization, string role, Guid boardId, bool read, bool write) =>
        world.AddMemberAsync(organization, role, new MemberAccess(false, false,
            new Dictionary<Guid, BoardPermission> { [boardId] = new BoardPermission(read || write, write) }));

    /// <summary>Waits until the agent's latest provision attempt completed, and returns the agent.</summary>
    public static async Task<AgentSnapshot> ProvisionedAsync(this World world, Guid agentId, int? atLeastGeneration = null)
    {
        var agent = world.Grain<IAgentGrain>(agentId);
        await Eventually.WaitUntil(async () => (await agent.Get())?.LastProvision is { Outcome: "completed" } last
            && (atLeastGeneration is null || last.Generation >= atLeastGeneration), Patience, $"agent {agentId} is provisioned");
        return (await agent.Get())!;
    }

    public static T Service<T>(this World world) where T : notnull => world.Services.GetRequiredService<T>();

    /// <summary>Every stored gateway and board of the organization, to compare before and after a refused request.</summary>
    public static async Task<string> StoredStateAsync(this World world, Guid organizationId)
    {
        var gateways = await world.Service<GatewayQueries>().ListAsync(organizationId, 200, 0);
        var boards = await world.Service<BoardQueries>().ListAsync(organizationId, null, 200, 0);
        return System.Text.Json.JsonSerializer.Serialize(new { gateways, boards });
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body) =>
        client.PatchAsJsonAsync(url, body);
}
