using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Gateways.TemplateSync;
using MissionControl.Grains.Security;
using MissionControl.Integration.Tests.Agents;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Lifecycle;

public sealed class GatewayTemplateSyncTests
{
    [Fact]
    public async Task Given_a_paused_board_and_an_agent_without_its_token_When_syncing_Then_paused_agents_are_skipped_quietly_the_tokenless_one_with_the_error_and_rotation_fixes_it()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync();
        var setup = await SetUpAsync(cluster, gateway);
        // The agent lost its credentials block (someone rewrote AGENTS.md by hand).
        gateway.State.WriteFileAsAgent($"mc-{setup.Tokenless}", "AGENTS.md", "# Agents\nNo credentials here.\n");
        var progress = new List<TemplateSyncResult>();

        var first = await cluster.Service<GatewayTemplateSync>().RunAsync(setup.GatewayId, new TemplateSyncOptions(), new Progress(progress));

        Assert.Equal(1, first.AgentsUpdated);
        Assert.Equal(2, first.AgentsSkipped);
        Assert.True(first.MainUpdated);
        var error = Assert.Single(first.Errors);
        Assert.Equal(setup.Tokenless, error.AgentId);
        Assert.Equal(AgentGrain.MissingTokenError, error.Message);
        Assert.True(first.Finished);
        Assert.Equal([0, 1, 2, 3, 4, 4], progress.Select(p => p.AgentsDone));
        Assert.Equal([false, false, false, false, false, true], progress.Select(p => p.Finished));
        Assert.All(progress, p => Assert.Equal(4, p.AgentsTotal));
        var outcomes = progress.Select(p => p.LastAgent).OfType<TemplateSyncAgentOutcome>().ToList();
        Assert.Equal(4, outcomes.Count);
        var tokenless = Assert.Single(outcomes, o => o.AgentId == setup.Tokenless);
        Assert.Equal((TemplateSyncAgentOutcome.Failed, AgentGrain.MissingTokenError), (tokenless.Outcome, tokenless.Message));
        Assert.Single(outcomes, o => o.Outcome == TemplateSyncAgentOutcome.Skipped);
        Assert.Equal(2, outcomes.Count(o => o.Outcome == TemplateSyncAgentOutcome.Updated));

        var rotated = await cluster.Service<GatewayTemplateSync>().RunAsync(setup.GatewayId, new TemplateSyncOptions { RotateTokens = true });

        Assert.Equal(2, rotated.AgentsUpdated);
        Assert.Empty(rotated.Errors);
        var token = CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{setup.Tokenless}")["AGENTS.md"]);
        Assert.True(AgentTokens.Verify(token, (await cluster.TokenHashFromReadModelAsync(setup.Tokenless))));
    }

    [Fact]
    public async Task Given_a_gateway_that_fails_a_few_calls_When_syncing_Then_the_retries_absorb_it_and_every_agent_is_updated()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync();
        var setup = await SetUpAsync(cluster, gateway);
        gateway.Faults.Unavailable("agents.files.get", times: 3);
        gateway.Faults.Unavailable("agents.files.set", times: 2);

        var result = await cluster.Service<GatewayTemplateSync>().RunAsync(setup.GatewayId, new TemplateSyncOptions { IncludeMain = false });

        Assert.Equal(2, result.AgentsUpdated);
        Assert.False(result.MainUpdated);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Given_a_gateway_that_stays_down_When_syncing_Then_the_run_stops_after_its_budget_says_the_gateway_is_unreachable_and_the_next_run_after_it_returns_completes()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync();
        var setup = await SetUpAsync(cluster, gateway);
        gateway.Faults.RejectUpgrades(100_000);
        gateway.DropAllConnections();

        var result = await cluster.Service<GatewayTemplateSync>().RunAsync(setup.GatewayId, new TemplateSyncOptions());
        gateway.Faults.AcceptUpgrades();
        var afterwards = await cluster.Service<GatewayTemplateSync>().RunAsync(setup.GatewayId, new TemplateSyncOptions());

        Assert.Equal(0, result.AgentsUpdated);
        Assert.True(result.Finished);
        Assert.Contains(result.Errors, e => e.AgentId is null && e.Message.StartsWith("Gateway unreachable after", StringComparison.Ordinal));
        Assert.Equal((2, 1, true), (afterwards.AgentsUpdated, afterwards.AgentsSkipped, afterwards.MainUpdated));
        Assert.Empty(afterwards.Errors);
    }

    private sealed record Setup(Guid GatewayId, Guid Tokenless);

    /// <summary>A gateway with a paused board (one agent) and a running board (two agents), all online.</summary>
    private static async Task<Setup> SetUpAsync(TestCluster cluster, FakeGateway gateway)
    {
        var organizationId = Guid.NewGuid();
        var gatewayId = await cluster.GatewayAsync(gateway, organizationId);
        var paused = await cluster.BoardAsync(organizationId, gatewayId, "Paused");
        var running = await cluster.BoardAsync(organizationId, gatewayId, "Running");
        await AgentAsync(cluster, paused, gatewayId, "Sleeper");
        await AgentAsync(cluster, running, gatewayId, "Keeper");
        var tokenless = await AgentAsync(cluster, running, gatewayId, "Forgetful");
        Assert.True(await cluster.Grains().GetGrain<IBoardGrain>(paused.ToString()).RecordChatMessage("/pause"));
        return new Setup(gatewayId, tokenless);
    }

    private static async Task<Guid> AgentAsync(TestCluster cluster, Guid boardId, Guid gatewayId, string name)
    {
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(new NewAgent(agentId, name, boardId, gatewayId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        return agentId;
    }

    private sealed class Progress(List<TemplateSyncResult> seen) : IProgress<TemplateSyncResult>
    {
        public void Report(TemplateSyncResult value) => seen.Add(value);
    }
}
