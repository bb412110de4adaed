using System.Text.Json.Nodes;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Tests.Support;

namespace MissionControl.OpenClaw.Tests.FakeGatewayTests;

public class HeartbeatPatcherTests
{
    [Fact]
    public async Task A_batch_is_applied_in_one_config_patch_leaving_other_config_untouched()
    {
        await using var h = FakeGatewayHarness.Start();
        foreach (var id in new[] { "mc-a", "mc-b", "mc-c" })
            await h.ControlPlane.UpsertAgentAsync(new AgentRegistration(id, id.ToUpperInvariant()), TestDeadline.Token());
        h.Gateway.State.WriteConfig(c => c["gateway"] = new JsonObject { ["mode"] = "local" });
        var before = h.Gateway.State.ConfigSnapshot();

        var result = await h.Patcher.ApplyAsync(
        [
            new AgentHeartbeat("mc-a", new HeartbeatSettings { Every = "10m", Target = "none" }),
            new AgentHeartbeat("mc-b", new HeartbeatSettings { Every = "20m" }),
            new AgentHeartbeat("mc-c", new HeartbeatSettings { Every = "0m" }),
        ], TestDeadline.Token());

        var after = h.Gateway.State.ConfigSnapshot();
        Assert.True(result.Patched);
        Assert.Equal(1, h.Gateway.State.ConfigPatchCalls);
        Assert.Equal("10m", (string?)after["agents"]!["entries"]!["mc-a"]!["heartbeat"]!["every"]);
        Assert.Equal("20m", (string?)after["agents"]!["entries"]!["mc-b"]!["heartbeat"]!["every"]);
        Assert.Equal("0m", (string?)after["agents"]!["entries"]!["mc-c"]!["heartbeat"]!["every"]);
        Assert.Equal(StripHeartbeats(before).ToJsonString(), StripHeartbeats(after).ToJsonString());
    }

    [Fact]
    public async Task Applying_the_same_batch_again_writes_nothing()
    {
        await using var h = FakeGatewayHarness.Start();
        AgentHeartbeat[] batch = [new("main", new HeartbeatSettings { Every = "15m" })];

        await h.Patcher.ApplyAsync(batch, TestDeadline.Token());
        var again = await h.Patcher.ApplyAsync(batch, TestDeadline.Token());

        Assert.False(again.Patched);
        Assert.Equal(1, h.Gateway.State.ConfigPatchCalls);
    }

    [Fact]
    public async Task A_write_by_someone_else_between_get_and_patch_is_kept()
    {
        await using var h = FakeGatewayHarness.Start();
        var interfered = 0;
        h.Gateway.Faults.BeforeConfigPatch = state =>
        {
            if (Interlocked.Exchange(ref interfered, 1) == 0)
                state.WriteConfig(c => c["tools"] = new JsonObject { ["profile"] = "coding" });
        };

        var result = await h.Patcher.ApplyAsync([new AgentHeartbeat("main", new HeartbeatSettings { Every = "5m" })], TestDeadline.Token());

        var config = h.Gateway.State.ConfigSnapshot();
        Assert.Equal(2, result.Rounds);
        Assert.Equal("coding", (string?)config["tools"]!["profile"]);
        Assert.Equal("5m", (string?)config["agents"]!["entries"]!["main"]!["heartbeat"]!["every"]);
    }

    [Fact]
    public async Task Racing_patchers_on_separate_connections_lose_no_entry()
    {
        await using var h = FakeGatewayHarness.Start();
        var others = Enumerable.Range(0, 4).Select(_ => h.SecondClient()).ToList();
        var patchers = others.Select(o => o.Patcher).Append(h.Patcher).ToList();

        await Task.WhenAll(patchers.Select((patcher, i) =>
            patcher.ApplyAsync([new AgentHeartbeat($"mc-racer-{i}", new HeartbeatSettings { Every = $"{i + 1}m" })], TestDeadline.Token())));

        var entries = h.Gateway.State.ConfigSnapshot()["agents"]!["entries"]!.AsObject();
        for (var i = 0; i < patchers.Count; i++)
            Assert.Equal($"{i + 1}m", (string?)entries[$"mc-racer-{i}"]!["heartbeat"]!["every"]);
        foreach (var (client, _) in others)
            await client.DisposeAsync();
    }

    [Fact]
    public async Task Old_gateways_get_the_agents_list_shape()
    {
        await using var h = FakeGatewayHarness.Start(legacyListShape: true);
        await h.ControlPlane.UpsertAgentAsync(new AgentRegistration("mc-old", "Old"), TestDeadline.Token());

        await h.Patcher.ApplyAsync([new AgentHeartbeat("mc-old", new HeartbeatSettings { Every = "10m" }, "/w/old")], TestDeadline.Token());

        var config = h.Gateway.State.ConfigSnapshot();
        var entry = config["agents"]!["list"]!.AsArray().Single(e => (string?)e!["id"] == "mc-old")!;
        Assert.Equal("10m", (string?)entry["heartbeat"]!["every"]);
        Assert.Equal("/w/old", (string?)entry["workspace"]);
        Assert.Null(config["agents"]!["entries"]);
        Assert.NotNull(config["channels"]!["defaults"]!["heartbeat"]);
    }

    private static JsonObject StripHeartbeats(JsonObject config)
    {
        var copy = config.DeepClone().AsObject();
        foreach (var (_, entry) in copy["agents"]?["entries"]?.AsObject() ?? [])
            entry?.AsObject().Remove("heartbeat");
        copy.Remove("channels");
        return copy;
    }
}
