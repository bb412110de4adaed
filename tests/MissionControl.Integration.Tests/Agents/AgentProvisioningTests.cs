using System.Text.Json.Nodes;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;
using MissionControl.Templates.Credentials;

namespace MissionControl.Integration.Tests.Agents;

public sealed class AgentProvisioningTests
{
    [Fact]
    public async Task Given_a_new_worker_When_registered_Then_the_gateway_gets_the_agent_its_files_heartbeat_and_a_wake_and_it_is_online()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();

        var presence = await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId, "Scout"));

        Assert.Equal("provisioning", presence.Status);
        Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(agentId));
        var gatewayId = $"mc-{agentId}";
        Assert.Equal("Scout", gateway.State.AgentName(gatewayId));
        var files = gateway.State.FilesOf(gatewayId);
        Assert.Contains("AGENTS.md", files.Keys);
        Assert.Contains("BOOTSTRAP.md", files.Keys);
        Assert.DoesNotContain("TOOLS.md", files.Keys); // refused by this gateway: carried in AGENTS.md instead
        var credentials = CredentialsBlock.Parse(files["AGENTS.md"]);
        Assert.True(AgentTokens.Verify(credentials.AuthToken, await cluster.CurrentTokenHashAsync(agentId)));
        Assert.Equal("https://mc.example.test", credentials.BaseUrl);
        Assert.Equal($"{FixedAgentSurroundings.WorkspaceRoot}/workspace-mc-{agentId}", credentials.WorkspacePath);
        var heartbeat = gateway.State.ConfigSnapshot()["agents"]?["entries"]?[gatewayId]?["heartbeat"] as JsonObject;
        Assert.Equal("10m", (string?)heartbeat?["every"]);
        Assert.Equal("none", (string?)heartbeat?["target"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)heartbeat?["prompt"])); // HEARTBEAT.md refused: routine goes in the prompt
        Assert.Null(heartbeat?["includeReasoning"]);
        var wake = Assert.Single(gateway.State.Chats);
        Assert.Equal($"agent:mc-{agentId}:main", wake.SessionKey);
        Assert.Contains("Scout", wake.Message);
    }

    [Fact]
    public async Task Given_a_gateway_that_lists_no_model_When_workers_are_registered_Then_they_are_provisioned_without_a_session_or_wake_and_owe_no_check_in()
    {
        await using var gateway = FakeGateway.Start();
        gateway.State.HasModels = false;
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentIds = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(agentIds.Select(agentId => cluster.Agent(agentId).Register(AgentCluster.Worker(agentId))));

        foreach (var agentId in agentIds)
        {
            Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(agentId));
            var events = await cluster.EventsAsync(agentId);
            Assert.DoesNotContain(events.OfType<AgentProvisionStepRecorded>(), s => s.Step == "sessions.ensure");
            Assert.False(gateway.State.HasSession($"agent:mc-{agentId}:main"));
            var wake = events.OfType<AgentProvisionStepRecorded>().Last();
            Assert.Equal("chat.send wake", wake.Step);
            Assert.Equal(Grains.Agents.Provisioning.WorkspaceProvisioner.NotWokenWithoutModel, wake.Answer);
            var completed = Assert.IsType<AgentProvisionCompleted>(events[^1]);
            Assert.False(completed.WakeSent);
            Assert.Null(completed.CheckInDeadline);
            Assert.Contains("AGENTS.md", gateway.State.FilesOf($"mc-{agentId}").Keys);
        }
        Assert.Empty(gateway.State.Chats);
        Assert.Equal(1, gateway.State.Calls.GetValueOrDefault("models.list")); // asked once for the burst
    }

    [Fact]
    public async Task Given_a_gateway_that_lists_no_model_When_its_main_agent_is_provisioned_or_a_worker_synced_Then_their_sessions_are_still_ensured()
    {
        await using var gateway = FakeGateway.Start();
        gateway.State.HasModels = false;
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var (mainId, workerId) = (Guid.NewGuid(), Guid.NewGuid());
        var gatewayId = Guid.NewGuid();

        await cluster.Agent(mainId).Register(new NewAgent(mainId, "Gateway Agent", null, gatewayId) { IsGatewayMain = true });
        await cluster.StatusAfterProvisioningAsync(mainId);
        await cluster.Agent(workerId).Register(AgentCluster.Worker(workerId));
        await cluster.StatusAfterProvisioningAsync(workerId);
        var workerSession = $"agent:mc-{workerId}:main";
        Assert.False(gateway.State.HasSession(workerSession)); // not for the wake it did not get
        var token = CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{workerId}")["AGENTS.md"]);
        var synced = await cluster.Agent(workerId).SyncTemplates(new TemplateSyncRequest(token));

        Assert.True(gateway.State.HasSession($"agent:mc-gateway-{gatewayId}:main")); // the gateway status shows it
        Assert.True(synced.Updated, synced.Error);
        Assert.True(gateway.State.HasSession(workerSession)); // a sync wakes nobody, and ensures the session as before
        Assert.Empty(gateway.State.Chats);
    }

    [Fact]
    public async Task Given_a_gateway_that_cannot_say_whether_it_has_a_model_When_a_worker_is_registered_Then_it_is_woken_as_before()
    {
        await using var gateway = FakeGateway.Start();
        gateway.State.HasModels = false;
        gateway.Faults.Fail("models.list", "unauthorized: missing scope: operator.read");
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();

        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));

        Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(agentId));
        Assert.Equal($"agent:mc-{agentId}:main", Assert.Single(gateway.State.Chats).SessionKey);
        Assert.Contains((await cluster.EventsAsync(agentId)).OfType<AgentProvisionStepRecorded>(), s => s.Step == "sessions.ensure");
        Assert.True(Assert.IsType<AgentProvisionCompleted>((await cluster.EventsAsync(agentId))[^1]).WakeSent);
    }

    [Fact]
    public async Task Given_a_provisioned_agent_When_its_history_is_read_Then_every_gateway_step_is_an_event_in_order_without_the_token()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);

        var events = await cluster.EventsAsync(agentId);
        var steps = events.OfType<AgentProvisionStepRecorded>().Select(s => s.Step).ToList();

        Assert.IsType<AgentCreated>(events[0]);
        Assert.IsType<AgentProvisionStarted>(events[1]);
        Assert.IsType<AgentProvisionCompleted>(events[^1]);
        Assert.Equal(["agents.upsert", "sessions.ensure", "agents.files.list"], steps.Take(3));
        Assert.Contains("agents.files.set AGENTS.md", steps);
        Assert.Equal("chat.send wake", steps[^1]);
        var token = CredentialsBlock.ReadAuthToken(gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"])!;
        Assert.DoesNotContain(events.OfType<AgentProvisionStepRecorded>(), s => s.Sent.Contains(token) || s.Answer.Contains(token));
    }

    [Fact]
    public async Task Given_an_agent_with_its_own_user_and_memory_files_When_updated_Then_those_files_are_kept_and_agents_md_gets_the_new_token()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId, "Scout"));
        await cluster.StatusAfterProvisioningAsync(agentId);
        var gatewayId = $"mc-{agentId}";
        var firstToken = CredentialsBlock.ReadAuthToken(gateway.State.FilesOf(gatewayId)["AGENTS.md"]);
        gateway.State.WriteFileAsAgent(gatewayId, "USER.md", "notes the agent keeps about its human");
        gateway.State.WriteFileAsAgent(gatewayId, "MEMORY.md", "what the agent learned");

        var presence = await cluster.Agent(agentId).Update(new AgentChanges { Name = "Scout Prime" });

        Assert.Equal("updating", presence.Status);
        Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(agentId));
        var files = gateway.State.FilesOf(gatewayId);
        Assert.Equal("notes the agent keeps about its human", files["USER.md"]);
        Assert.Equal("what the agent learned", files["MEMORY.md"]);
        var credentials = CredentialsBlock.Parse(files["AGENTS.md"]);
        Assert.Equal("Scout Prime", credentials.AgentName);
        Assert.NotEqual(firstToken, credentials.AuthToken);
        Assert.True(AgentTokens.Verify(credentials.AuthToken, await cluster.CurrentTokenHashAsync(agentId)));
        Assert.Equal("Scout Prime", gateway.State.AgentName(gatewayId));
    }

    [Fact]
    public async Task Given_a_gateway_that_stays_down_past_its_budget_When_provisioning_Then_the_agent_fails_with_the_error_and_a_retry_after_recovery_brings_it_online()
    {
        await using var gateway = FakeGateway.Start();
        gateway.Faults.RejectUpgrades(100_000);
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));

        Assert.Equal("failed", await cluster.StatusAfterProvisioningAsync(agentId));
        var failed = (await cluster.Agent(agentId).Get())!;
        Assert.Contains("Gateway unreachable after", failed.LastProvisionError);
        Assert.Equal("failed", failed.LastProvision!.Outcome);

        gateway.Faults.AcceptUpgrades();
        await cluster.Agent(agentId).RetryProvisioning(forceBootstrap: false);

        Assert.Equal("online", await cluster.StatusAfterProvisioningAsync(agentId));
        Assert.True(gateway.State.HasAgent($"mc-{agentId}"));
    }

    [Fact]
    public async Task Given_an_identity_template_that_does_not_compile_When_registering_Then_it_is_refused_as_invalid_and_nothing_is_recorded()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<DomainException>(() => cluster.Agent(agentId).Register(
            AgentCluster.Worker(agentId) with { IdentityTemplate = "{{#if agent_name}}never closed" }));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Empty(await cluster.EventsAsync(agentId));
        Assert.False(gateway.State.HasAgent($"mc-{agentId}"));
    }

    [Fact]
    public async Task Given_a_user_When_an_update_tries_to_set_status_Then_it_is_forbidden_and_nothing_changes()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await AgentCluster.StartAsync(gateway, silos: 1);
        var agentId = Guid.NewGuid();
        await cluster.Agent(agentId).Register(AgentCluster.Worker(agentId));
        await cluster.StatusAfterProvisioningAsync(agentId);
        var before = (await cluster.EventsAsync(agentId)).Count;

        var error = await Assert.ThrowsAsync<DomainException>(() => cluster.Agent(agentId).Update(new AgentChanges { Status = "online" }));

        Assert.Equal("status is controlled by agent heartbeat", error.Message);
        Assert.Equal(before, (await cluster.EventsAsync(agentId)).Count);
    }
}
