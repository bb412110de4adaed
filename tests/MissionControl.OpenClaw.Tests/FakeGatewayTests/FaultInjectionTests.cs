using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Resilience;
using MissionControl.OpenClaw.Tests.Support;
using Polly.CircuitBreaker;

namespace MissionControl.OpenClaw.Tests.FakeGatewayTests;

/// <summary>Every injected fault ends in a successful retry or a clear typed error within its budget.</summary>
public class FaultInjectionTests
{
    private static readonly AgentHeartbeat[] OneHeartbeat = [new("main", new HeartbeatSettings { Every = "30m", Target = "none" })];

    [Fact]
    public async Task Http_503_on_upgrade_is_retried_until_the_gateway_accepts()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.RejectUpgrades(2);

        var health = await h.ControlPlane.HealthAsync(TestDeadline.Token());

        Assert.True(health.Ok);
        Assert.Equal(1, h.Gateway.Upgrades);
    }

    [Fact]
    public async Task Http_503_that_never_ends_exhausts_the_budget_with_the_unreachable_message()
    {
        await using var h = FakeGatewayHarness.Start(resilience: FakeGatewayHarness.FastResilience with { InteractiveBudget = TimeSpan.FromSeconds(1) });
        h.Gateway.Faults.RejectUpgrades(int.MaxValue / 2);

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.ControlPlane.HealthAsync(TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.Unreachable, error.Kind);
        Assert.StartsWith("Gateway unreachable after 1 seconds (interactive timeout). Last error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("http 503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_dropped_mid_request_is_retried_on_a_new_socket()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.DropConnectionOn("agents.files.set");

        var file = await h.ControlPlane.SetAgentFileAsync("main", "SOUL.md", "calm", cancellationToken: TestDeadline.Token());

        Assert.Equal("calm", file.Content);
        Assert.Equal(2, h.Gateway.Received["agents.files.set"]);
        Assert.Equal(2, h.Gateway.Upgrades);
    }

    [Fact]
    public async Task A_slow_reply_times_out_and_the_retry_succeeds()
    {
        await using var h = FakeGatewayHarness.Start(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        h.Gateway.Faults.DelayReplies("agents.list", TimeSpan.FromSeconds(3));

        var agents = await h.ControlPlane.ListAgentsAsync(TestDeadline.Token());

        Assert.Contains(agents, a => a.Id == "main");
        Assert.Equal(2, h.Gateway.Received["agents.list"]);
    }

    [Fact]
    public async Task A_retryable_unavailable_answer_is_retried()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.Unavailable("config.get", times: 2);

        var config = await h.ControlPlane.GetConfigAsync(TestDeadline.Token());

        Assert.NotNull(config.Hash);
    }

    [Fact]
    public async Task Unsupported_file_is_a_typed_error_and_not_retried()
    {
        await using var h = FakeGatewayHarness.Start();

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.ControlPlane.SetAgentFileAsync("main", "TOOLS.md", "x", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.UnsupportedFile, error.Kind);
        Assert.False(error.IsTransient);
        Assert.Equal(1, h.Gateway.State.Calls["agents.files.set"]);
    }

    [Fact]
    public async Task Missing_scope_is_a_typed_error_naming_the_scope_and_not_retried()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.GrantedScopes = ["operator.read"];

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.ControlPlane.DeleteAgentAsync("someone", cancellationToken: TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.MissingScope, error.Kind);
        Assert.Equal("operator.admin", error.MissingScope);
        Assert.Contains("`operator.admin`", error.Message, StringComparison.Ordinal);
        Assert.False(h.Gateway.State.Calls.ContainsKey("agents.delete"));
    }

    [Fact]
    public async Task Stale_base_hash_is_retried_from_a_fresh_config_get()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.StaleHashOnNextPatches(3);

        var result = await h.Patcher.ApplyAsync(OneHeartbeat, TestDeadline.Token());

        Assert.True(result.Patched);
        Assert.Equal(4, result.Rounds);
        Assert.Equal(4, h.Gateway.State.ConfigPatchCalls);
        Assert.Equal(4, h.Gateway.State.Calls["config.get"]);
        Assert.Equal("30m", (string?)h.Gateway.State.ConfigSnapshot()["agents"]!["entries"]!["main"]!["heartbeat"]!["every"]);
    }

    [Fact]
    public async Task Endless_conflicts_end_in_a_config_conflict_error_after_the_configured_retries()
    {
        await using var h = FakeGatewayHarness.Start(resilience: FakeGatewayHarness.FastResilience with { MaxConflictRetries = 3 });
        h.Gateway.Faults.StaleHashOnNextPatches(1000);

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.Patcher.ApplyAsync(OneHeartbeat, TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.ConfigConflict, error.Kind);
        Assert.Equal(4, h.Gateway.State.ConfigPatchCalls);
    }

    [Fact]
    public async Task Rate_limit_is_honoured_and_retried_after_the_given_wait()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.RateLimitRetryAfterMs = 300;
        h.Gateway.Faults.RateLimitNextPatches(1);

        var result = await h.Patcher.ApplyAsync(OneHeartbeat, TestDeadline.Token());

        Assert.True(result.Patched);
        Assert.Equal(2, h.Gateway.State.ConfigPatchCalls);
    }

    [Fact]
    public async Task Rate_limit_longer_than_the_budget_surfaces_as_rate_limited_with_retry_after()
    {
        await using var h = FakeGatewayHarness.Start();
        h.Gateway.Faults.RateLimitRetryAfterMs = 59_148;
        h.Gateway.Faults.RateLimitNextPatches(1);

        var error = await Assert.ThrowsAsync<GatewayException>(() => h.Patcher.ApplyAsync(OneHeartbeat, TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(59_148), error.RetryAfter);
        Assert.Equal(1, h.Gateway.State.ConfigPatchCalls);
    }

    // A circuit that opens after three failing calls in a row and stays open for the test.
    private static readonly GatewayResilienceOptions BreakerAfterThreeFailures = FakeGatewayHarness.FastResilience with
    {
        BreakerMinimumThroughput = 3,
        BreakerFailureRatio = 1.0,
        BreakerDuration = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task A_dead_gateway_opens_the_circuit_and_later_calls_fail_fast()
    {
        await using var h = FakeGatewayHarness.Start(resilience: BreakerAfterThreeFailures);
        await h.Gateway.DisposeAsync(); // Nothing listens on the port any more.

        var first = await Assert.ThrowsAsync<GatewayException>(() => h.ControlPlane.HealthAsync(TestDeadline.Token()));
        var second = await Assert.ThrowsAsync<GatewayException>(() => h.ControlPlane.ListAgentsAsync(TestDeadline.Token()));

        Assert.Equal(GatewayErrorKind.CircuitOpen, first.Kind);
        Assert.Equal(GatewayErrorKind.CircuitOpen, second.Kind);
        Assert.Contains("circuit open", second.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", second.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CircuitState.Open, h.Resilience.CircuitState);
    }

    [Fact]
    public async Task A_gateway_swapping_its_plugins_is_retried_without_opening_the_circuit()
    {
        await using var h = FakeGatewayHarness.Start(resilience: BreakerAfterThreeFailures);
        h.Gateway.Faults.Fail("agents.list", "PluginInstanceUnavailableError: Plugin openai was reloaded or disabled; use its current tools.", times: 5);

        var agents = await h.ControlPlane.ListAgentsAsync(TestDeadline.Token());

        Assert.NotNull(agents);
        Assert.Equal(CircuitState.Closed, h.Resilience.CircuitState);
    }

    [Fact]
    public async Task Template_sync_operations_get_their_own_longer_budget()
    {
        var resilience = FakeGatewayHarness.FastResilience with { InteractiveBudget = TimeSpan.FromSeconds(1), TemplateSyncBudget = TimeSpan.FromSeconds(3) };
        await using var h = FakeGatewayHarness.Start(resilience: resilience);
        h.Gateway.Faults.RejectUpgrades(int.MaxValue / 2);
        var sync = h.ControlPlane.WithOperationKind(GatewayOperationKind.TemplateSync);

        var error = await Assert.ThrowsAsync<GatewayException>(() => sync.HealthAsync(TestDeadline.Token()));

        Assert.StartsWith("Gateway unreachable after 3 seconds (template sync timeout).", error.Message, StringComparison.Ordinal);
    }
}
