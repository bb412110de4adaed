using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Tests.Support;
using MissionControl.Testing;

namespace MissionControl.OpenClaw.Tests.FakeGatewayTests;

public class ControlPlaneTests
{
    [Fact]
    public async Task Callers_that_ask_for_models_while_the_gateway_is_being_asked_share_one_question()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.State.HasModels = false;
        h.Gateway.Faults.Hold("models.list");

        var answers = Enumerable.Range(0, 5).Select(_ => h.ControlPlane.ListsAnyModelAsync(TestDeadline.Token())).ToList();
        await Eventually.WaitUntil(() => Task.FromResult(h.Gateway.Received.GetValueOrDefault("models.list") > 0), TimeSpan.FromSeconds(30), "the question reaching the gateway");
        h.Gateway.Faults.Release("models.list");

        Assert.All(await Task.WhenAll(answers), Assert.False);
        Assert.False(await h.ControlPlane.ListsAnyModelAsync(TestDeadline.Token())); // remembered
        Assert.Equal(1, h.Gateway.State.Calls["models.list"]);
    }

    [Fact]
    public async Task A_models_question_that_failed_is_asked_again_and_a_gateway_without_the_method_counts_as_having_models()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.State.HasModels = false;
        // What a gateway just started answers; it must not be taken for "no such method".
        h.Gateway.Faults.Fail("models.list", "Error: Model catalog is not ready. Retry after Gateway startup or refresh finishes.");

        var refused = await Assert.ThrowsAsync<GatewayException>(() => h.ControlPlane.ListsAnyModelAsync(TestDeadline.Token()));
        var answered = await h.ControlPlane.ListsAnyModelAsync(TestDeadline.Token());

        Assert.Contains("not ready", refused.Message);
        Assert.False(answered);
        Assert.Equal(2, h.Gateway.Received["models.list"]);

        await using var older = FakeGatewayHarness.Start();
        older.Gateway.Faults.Fail("models.list", "unknown method: models.list");
        Assert.True(await older.ControlPlane.ListsAnyModelAsync(TestDeadline.Token()));
    }

    [Fact]
    public async Task Upsert_creates_under_the_target_id_then_sets_the_display_name_despite_the_visibility_lag()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.AgentVisibilityDelay = TimeSpan.FromMilliseconds(250);

        await h.ControlPlane.UpsertAgentAsync(new AgentRegistration("mc-worker-1", "Worker One"), TestDeadline.Token());

        Assert.Equal("Worker One", h.Gateway.State.AgentName("mc-worker-1"));
        Assert.Contains(await h.ControlPlane.ListAgentsAsync(TestDeadline.Token()), a => a is { Id: "mc-worker-1", Name: "Worker One" });
    }

    [Fact]
    public async Task Upsert_treats_already_exists_as_success()
    {
        await using var h = FakeGatewayHarness.Start();
        // Long enough that a busy machine still lists the agent as missing when the upsert looks;
        // the update after "already exists" retries until the agent shows.
        h.Gateway.Faults.AgentVisibilityDelay = TimeSpan.FromSeconds(2);
        await h.Client.CallAsync("agents.create", new { name = "mc-raced" }, cancellationToken: TestDeadline.Token());

        // Not yet listed, so the upsert creates again and gets "already exists".
        await h.ControlPlane.UpsertAgentAsync(new AgentRegistration("mc-raced", "Raced Agent"), TestDeadline.Token());

        Assert.Equal("Raced Agent", h.Gateway.State.AgentName("mc-raced"));
        Assert.Equal(2, h.Gateway.State.Calls["agents.create"]);
    }

    [Fact]
    public async Task Upsert_of_an_existing_agent_only_updates_it()
    {
        await using var h = FakeGatewayHarness.Start();
        await h.ControlPlane.UpsertAgentAsync(new AgentRegistration("mc-a", "First"), TestDeadline.Token());

        await h.ControlPlane.UpsertAgentAsync(new AgentRegistration("mc-a", "Renamed"), TestDeadline.Token());

        Assert.Equal("Renamed", h.Gateway.State.AgentName("mc-a"));
        Assert.Equal(1, h.Gateway.State.Calls["agents.create"]);
    }

    [Theory]
    [InlineData("Has Spaces")]
    [InlineData("UPPER")]
    [InlineData("-leading")]
    public async Task Upsert_rejects_ids_the_gateway_would_rewrite(string agentId)
    {
        await using var h = FakeGatewayHarness.Start();

        await Assert.ThrowsAsync<ArgumentException>(() => h.ControlPlane.UpsertAgentAsync(new AgentRegistration(agentId, "x"), TestDeadline.Token()));
    }

    [Fact]
    public async Task Delete_agent_always_says_whether_to_delete_files()
    {
        await using var h = FakeGatewayHarness.Start();
        await h.ControlPlane.UpsertAgentAsync(new AgentRegistration("mc-gone", "Gone"), TestDeadline.Token());

        Assert.True(await h.ControlPlane.DeleteAgentAsync("mc-gone", cancellationToken: TestDeadline.Token()));
        Assert.True(h.Gateway.State.LastDeleteFiles);
        Assert.False(h.Gateway.State.HasAgent("mc-gone"));
        Assert.False(await h.ControlPlane.DeleteAgentAsync("mc-gone", cancellationToken: TestDeadline.Token()));
    }

    [Fact]
    public async Task Files_are_listed_written_and_read_back()
    {
        await using var h = FakeGatewayHarness.Start();
        await h.ControlPlane.UpsertAgentAsync(new AgentRegistration("mc-files", "Files"), TestDeadline.Token());

        var listed = await h.ControlPlane.ListAgentFilesAsync("mc-files", TestDeadline.Token());
        var written = await h.ControlPlane.SetAgentFileAsync("mc-files", "MEMORY.md", "# remember\n", cancellationToken: TestDeadline.Token());
        var read = await h.ControlPlane.GetAgentFileAsync("mc-files", "MEMORY.md", TestDeadline.Token());
        var supported = await h.ControlPlane.ListSupportedFilesAsync(TestDeadline.Token());

        Assert.True(listed["MEMORY.md"].Missing);
        Assert.False(listed["SOUL.md"].Missing);
        Assert.Equal("# remember\n", read.Content);
        Assert.Equal(written.Hash, read.Hash);
        Assert.Contains("IDENTITY.md", supported);
        Assert.DoesNotContain("TOOLS.md", supported);
    }

    [Fact]
    public async Task Stale_expected_hash_on_a_file_is_a_conflict()
    {
        await using var h = FakeGatewayHarness.Start(resilience: FakeGatewayHarness.FastResilience with { MaxConflictRetries = 0 });

        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            h.ControlPlane.SetAgentFileAsync("main", "SOUL.md", "x", expectedHash: "deadbeef", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.ConfigConflict, error.Kind);
    }

    [Fact]
    public async Task Sessions_are_ensured_reset_and_deleted()
    {
        await using var h = FakeGatewayHarness.Start();
        const string key = "agent:main:mc-session";

        await h.ControlPlane.EnsureSessionAsync(key, "Board Lead", TestDeadline.Token());
        await h.ControlPlane.EnsureSessionAsync(key, cancellationToken: TestDeadline.Token()); // No label: nothing null is sent.
        await h.ControlPlane.ResetSessionAsync(key, TestDeadline.Token());

        Assert.True(h.Gateway.State.HasSession(key));
        Assert.True(await h.ControlPlane.DeleteSessionAsync(key, TestDeadline.Token()));
        Assert.False(await h.ControlPlane.DeleteSessionAsync(key, TestDeadline.Token()));
    }

    [Fact]
    public async Task Chat_send_uses_the_idempotency_key_as_run_id_and_replays_safely()
    {
        await using var h = FakeGatewayHarness.Start();

        var first = await h.ControlPlane.SendChatAsync("agent:main:mc-chat", "hello", "idem-1", cancellationToken: TestDeadline.Token());
        var replay = await h.ControlPlane.SendChatAsync("agent:main:mc-chat", "hello", "idem-1", cancellationToken: TestDeadline.Token());
        var generated = await h.ControlPlane.SendChatAsync("agent:main:mc-chat", "again", cancellationToken: TestDeadline.Token());

        Assert.Equal(new ChatSendResult("idem-1", "started"), first);
        Assert.Equal("in_flight", replay.Status);
        Assert.StartsWith("mc-", generated.RunId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_to_an_unknown_agent_is_agent_not_found()
    {
        await using var h = FakeGatewayHarness.Start();

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.ControlPlane.SendChatAsync("agent:ghost:main", "hi", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.AgentNotFound, error.Kind);
    }
}
