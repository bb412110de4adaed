using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Security;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Resilience;
using MissionControl.ReadModels.Queries;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Agents;

/// <summary>The agent lifecycle against the real OpenClaw gateway, not the fake.</summary>
public sealed class RealGatewayProvisioningTests : IAsyncLifetime
{
    private static readonly GatewayResilienceOptions Resilience = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(2),
        InteractiveBudget = TimeSpan.FromSeconds(60),
    };

    private RealGatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await RealGatewayProcess.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Given_the_real_gateway_When_an_agent_is_provisioned_and_deleted_Then_it_exists_there_with_our_files_token_and_heartbeat_and_is_gone_after()
    {
        var connection = new GatewayClientOptions { GatewayId = "real-provisioning", Url = _gateway.Url, Token = _gateway.Token };
        var root = Path.Combine(Path.GetTempPath(), $"mc-workspaces-{Guid.NewGuid():N}");
        var options = AgentCluster.FastOptions();
        options.ProvisionStuckAfter = TimeSpan.FromMinutes(2);
        await using var cluster = await AgentCluster.StartAsync(1, new FixedGatewayConnections(connection), new FixedAgentSurroundings(new GatewayTarget(connection, root)), Resilience, options);
        await using var inspector = new GatewayClientPool(new InMemoryDeviceIdentityStore(), Resilience);
        var plane = inspector.ControlPlane(connection with { GatewayId = "real-inspector" });
        var agentId = Guid.NewGuid();
        var gatewayAgentId = $"mc-{agentId}";

        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId, "Real Scout"));

        Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(agentId, timeout: TimeSpan.FromMinutes(3)));
        Assert.Contains(await plane.ListAgentsAsync(), a => a.Id == gatewayAgentId && a.Name == "Real Scout");
        var agentsFile = await plane.GetAgentFileAsync(gatewayAgentId, "AGENTS.md");
        var credentials = CredentialsBlock.Parse(agentsFile.Content);
        Assert.Equal(agentId.ToString(), credentials.AgentId);
        Assert.True(AgentTokens.Verify(credentials.AuthToken, await cluster.CurrentTokenHashAsync(agentId)));
        var config = await plane.GetConfigAsync();
        var heartbeat = config.Parsed["agents"]?["entries"]?[gatewayAgentId]?["heartbeat"] as JsonObject;
        Assert.Equal("10m", (string?)heartbeat?["every"]);
        // The token read back is the one the front door accepts: found by its lookup key, verified by its hash.
        var candidate = Assert.Single(await cluster.Primary.Services.GetRequiredService<AgentQueries>().FindByTokenLookupAsync(AgentTokens.LookupKey(credentials.AuthToken!)));
        Assert.Equal(agentId, candidate.AgentId);
        Assert.True(AgentTokens.Verify(credentials.AuthToken, candidate.TokenHash));
        Assert.Equal("online", (await cluster.Agent(agentId).RecordHeartbeat(null)).Status);
        // A gateway with no model to run an agent on (as the tests start it) gets no wake to fail,
        // and no session prepared for it.
        var steps = (await cluster.EventsAsync(agentId)).OfType<AgentProvisionStepRecorded>().ToList();
        Assert.Equal("chat.send wake", steps[^1].Step);
        var hasModel = await plane.ListsAnyModelAsync();
        Assert.Equal(hasModel, steps.Any(s => s.Step == "sessions.ensure"));
        if (hasModel)
            Assert.StartsWith("run ", steps[^1].Answer);
        else
            Assert.Equal(WorkspaceProvisioner.NotWokenWithoutModel, steps[^1].Answer);

        var deletion = await cluster.Agent(agentId).Delete();

        Assert.True(deletion.Deleted, deletion.Error);
        Assert.DoesNotContain(await plane.ListAgentsAsync(), a => a.Id == gatewayAgentId);
    }
}
