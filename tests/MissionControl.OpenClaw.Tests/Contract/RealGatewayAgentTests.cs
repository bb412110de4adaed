using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Tests.Support;

namespace MissionControl.OpenClaw.Tests.Contract;

[Collection(RealGatewayCollection.Name)]
public class RealGatewayAgentTests(RealGatewayFixture gateway)
{
    private readonly GatewayControlPlane _plane = gateway.ControlPlane;

    [Fact]
    public async Task Agent_is_created_renamed_given_files_and_deleted()
    {
        var id = $"mc-ct-{Guid.NewGuid():N}"[..20];
        var ct = TestDeadline.Token(120);

        await _plane.UpsertAgentAsync(new AgentRegistration(id, "Contract Agent"), ct);
        var listed = await _plane.ListAgentsAsync(ct);
        var files = await _plane.ListAgentFilesAsync(id, ct);
        var written = await _plane.SetAgentFileAsync(id, "SOUL.md", "# Soul\nSteady.\n", cancellationToken: ct);
        var read = await _plane.GetAgentFileAsync(id, "SOUL.md", ct);
        var identity = await _plane.SetAgentFileAsync(id, "IDENTITY.md", "# Identity\n", cancellationToken: ct);
        var unsupported = await Assert.ThrowsAsync<GatewayException>(() => _plane.SetAgentFileAsync(id, "TOOLS.md", "x", cancellationToken: ct));
        var deleted = await _plane.DeleteAgentAsync(id, cancellationToken: ct);
        var deletedAgain = await _plane.DeleteAgentAsync(id, cancellationToken: ct);
        var afterDelete = await _plane.ListAgentsAsync(ct);

        Assert.Contains(listed, a => a.Id == id && a.Name == "Contract Agent");
        Assert.Contains("AGENTS.md", files.Keys);
        Assert.Equal("# Soul\nSteady.\n", read.Content);
        Assert.Equal(written.Hash, read.Hash);
        Assert.False(identity.Missing);
        Assert.Equal(GatewayErrorKind.UnsupportedFile, unsupported.Kind);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.DoesNotContain(afterDelete, a => a.Id == id);
    }

    [Fact]
    public async Task Whether_the_gateway_lists_a_model_is_read_from_models_list()
    {
        var ct = TestDeadline.Token(60);
        var listed = (await ModelsOnceReadyAsync(ct)).GetProperty("models").GetArrayLength();

        // The gateway the tests start has no provider set up, so this is false there.
        Assert.Equal(listed > 0, await _plane.ListsAnyModelAsync(ct));
    }

    // A gateway just started answers "Model catalog is not ready. Retry after Gateway startup or
    // refresh finishes." for a while.
    private async Task<System.Text.Json.JsonElement> ModelsOnceReadyAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await gateway.Client.CallAsync("models.list", cancellationToken: ct);
            }
            catch (GatewayException ex) when (ex.Message.Contains("not ready", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }

    [Fact]
    public async Task Sessions_are_listed_and_a_sent_message_shows_in_the_transcript()
    {
        var id = $"mc-ss-{Guid.NewGuid():N}"[..20];
        var key = $"agent:{id}:main";
        var ct = TestDeadline.Token(120);
        await _plane.UpsertAgentAsync(new AgentRegistration(id, "Session Agent"), ct);
        await _plane.EnsureSessionAsync(key, "Session Agent", ct);
        var text = $"contract message {Guid.NewGuid():N}";

        await _plane.SendChatAsync(key, text, cancellationToken: ct);
        var sessions = await _plane.ListSessionsAsync(ct);
        IReadOnlyList<System.Text.Json.JsonElement> history = [];
        await MissionControl.Testing.Eventually.WaitUntil(async () =>
        {
            history = await _plane.GetChatHistoryAsync(key, limit: 20, ct);
            return history.Any(entry => entry.GetRawText().Contains(text, StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(30), "the message is in the transcript");

        Assert.Contains(sessions, s => s.TryGetProperty("key", out var k) && k.GetString() == key);
        Assert.True(await _plane.DeleteAgentAsync(id, cancellationToken: ct));
    }

    [Fact]
    public async Task Upsert_twice_is_not_an_error_and_renames()
    {
        var id = $"mc-up-{Guid.NewGuid():N}"[..20];
        var ct = TestDeadline.Token(120);

        await _plane.UpsertAgentAsync(new AgentRegistration(id, "First Name"), ct);
        await _plane.UpsertAgentAsync(new AgentRegistration(id, "Second Name"), ct);

        Assert.Contains(await _plane.ListAgentsAsync(ct), a => a.Id == id && a.Name == "Second Name");
        Assert.True(await _plane.DeleteAgentAsync(id, cancellationToken: ct));
    }

    [Fact]
    public async Task Supported_files_are_the_gateways_and_exclude_tools_md()
    {
        var supported = await _plane.ListSupportedFilesAsync(TestDeadline.Token());

        Assert.Contains("AGENTS.md", supported);
        Assert.Contains("IDENTITY.md", supported);
        Assert.DoesNotContain("TOOLS.md", supported);
        Assert.DoesNotContain("HEARTBEAT.md", supported);
    }

    [Fact]
    public async Task Sessions_are_ensured_reset_and_deleted()
    {
        var key = $"agent:main:mc-ct-{Guid.NewGuid():N}";
        var ct = TestDeadline.Token();

        await _plane.EnsureSessionAsync(key, $"Contract {Guid.NewGuid():N}", ct);
        await _plane.EnsureSessionAsync(key, cancellationToken: ct);
        await _plane.ResetSessionAsync(key, ct);

        Assert.True(await _plane.DeleteSessionAsync(key, ct));
        Assert.False(await _plane.DeleteSessionAsync(key, ct));
    }

    [Fact]
    public async Task Chat_send_is_admitted_with_the_idempotency_key_as_run_id()
    {
        var key = $"idem-{Guid.NewGuid():N}";

        var result = await _plane.SendChatAsync($"agent:main:mc-chat-{Guid.NewGuid():N}", "ping", key, cancellationToken: TestDeadline.Token());

        Assert.Equal(key, result.RunId);
        Assert.Equal("started", result.Status);
    }

    [Fact]
    public async Task Health_reports_the_default_agent()
    {
        var health = await _plane.HealthAsync(TestDeadline.Token());

        Assert.True(health.Ok);
        Assert.Contains(health.Agents, a => a.AgentId == health.DefaultAgentId);
    }
}
