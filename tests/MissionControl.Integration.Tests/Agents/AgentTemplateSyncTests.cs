using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Security;
using MissionControl.Templates.Credentials;

namespace MissionControl.Integration.Tests.Agents;

public sealed class AgentTemplateSyncTests
{
    [Fact]
    public async Task Given_the_token_read_back_from_the_workspace_When_syncing_Then_files_are_rewritten_with_the_same_token_and_no_wake()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        await cluster.Agent(agentId).RecordHeartbeat(null);
        var token = CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"]);
        var hashBefore = await cluster.CurrentTokenHashAsync(agentId);

        var outcome = await cluster.Agent(agentId).SyncTemplates(new TemplateSyncRequest(token));

        Assert.Equal(new TemplateSyncOutcome(true, null), outcome);
        Assert.Equal(hashBefore, await cluster.CurrentTokenHashAsync(agentId));
        Assert.Equal(token, CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"]));
        Assert.Single(gateway.State.Chats);
        Assert.Equal("online", (await cluster.Agent(agentId).GetPresence()).Status);
    }

    [Fact]
    public async Task Given_no_token_in_the_workspace_When_syncing_without_rotation_Then_it_is_skipped_and_with_rotation_a_new_token_is_written()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        var eventsBefore = (await cluster.EventsAsync(agentId)).Count;

        var skipped = await cluster.Agent(agentId).SyncTemplates(new TemplateSyncRequest(null));

        Assert.Equal(new TemplateSyncOutcome(false, AgentGrain.MissingTokenError), skipped);
        Assert.Equal(eventsBefore, (await cluster.EventsAsync(agentId)).Count);

        var rotated = await cluster.Agent(agentId).SyncTemplates(new TemplateSyncRequest(null) { RotateTokens = true });

        Assert.True(rotated.Updated);
        var written = CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"]);
        Assert.True(AgentTokens.Verify(written, await cluster.CurrentTokenHashAsync(agentId)));
    }

    [Fact]
    public async Task Given_a_token_that_does_not_match_When_syncing_without_rotation_Then_it_is_skipped_with_the_mismatch()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);

        var outcome = await cluster.Agent(agentId).SyncTemplates(new TemplateSyncRequest(AgentTokens.Mint()));

        Assert.Equal(new TemplateSyncOutcome(false, AgentGrain.MismatchedTokenError), outcome);
    }
}
