using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Protocol;
using MissionControl.OpenClaw.Resilience;
using MissionControl.OpenClaw.Tests.Support;

namespace MissionControl.OpenClaw.Tests.Contract;

[Collection(RealGatewayCollection.Name)]
public class RealGatewayConfigTests(RealGatewayFixture gateway)
{
    private readonly GatewayControlPlane _plane = gateway.ControlPlane;

    [Fact]
    public async Task Heartbeat_batch_lands_in_config_and_everything_else_stays()
    {
        var ct = TestDeadline.Token(120);
        var ids = new[] { NewId(), NewId() };
        foreach (var id in ids)
            await _plane.UpsertAgentAsync(new AgentRegistration(id, $"Beat {id}"), ct);
        var before = await _plane.GetConfigAsync(ct);

        var result = await gateway.Patcher.ApplyAsync(
        [
            new AgentHeartbeat(ids[0], new HeartbeatSettings { Every = "45m", Target = "none" }),
            new AgentHeartbeat(ids[1], new HeartbeatSettings { Every = "31m", Target = "none", LightContext = true }),
        ], ct);
        var after = await _plane.GetConfigAsync(ct);
        var again = await gateway.Patcher.ApplyAsync([new AgentHeartbeat(ids[0], new HeartbeatSettings { Every = "45m", Target = "none" })], ct);

        Assert.True(result.Patched);
        Assert.Equal(1, result.Rounds);
        Assert.Equal(after.Hash, result.Hash);
        var entries = after.Parsed["agents"]!["entries"]!;
        Assert.Equal("45m", (string?)entries[ids[0]]!["heartbeat"]!["every"]);
        Assert.Equal(true, (bool?)entries[ids[1]]!["heartbeat"]!["lightContext"]);
        Assert.Equal(Comparable(before.Parsed, ids).ToJsonString(), Comparable(after.Parsed, ids).ToJsonString());
        Assert.False(again.Patched);
        foreach (var id in ids)
            await _plane.DeleteAgentAsync(id, cancellationToken: ct);
    }

    [Fact]
    public async Task Concurrent_patchers_on_two_connections_both_land()
    {
        var ct = TestDeadline.Token(120);
        var ids = new[] { NewId(), NewId() };
        foreach (var id in ids)
            await _plane.UpsertAgentAsync(new AgentRegistration(id, id), ct);
        await using var secondClient = new GatewayRpcClient(gateway.Options("second"), new InMemoryDeviceIdentityStore());
        var secondPatcher = new HeartbeatConfigPatcher(secondClient, new GatewayResilience("real-second", RealGatewayFixture.TestResilience));

        await Task.WhenAll(
            gateway.Patcher.ApplyAsync([new AgentHeartbeat(ids[0], new HeartbeatSettings { Every = "41m" })], ct),
            secondPatcher.ApplyAsync([new AgentHeartbeat(ids[1], new HeartbeatSettings { Every = "42m" })], ct));
        var entries = (await _plane.GetConfigAsync(ct)).Parsed["agents"]!["entries"]!;

        Assert.Equal("41m", (string?)entries[ids[0]]!["heartbeat"]!["every"]);
        Assert.Equal("42m", (string?)entries[ids[1]]!["heartbeat"]!["every"]);
        foreach (var id in ids)
            await _plane.DeleteAgentAsync(id, cancellationToken: ct);
    }

    [Fact]
    public async Task A_config_patch_broadcasts_config_changed_before_its_reply()
    {
        var ct = TestDeadline.Token(120);
        var id = NewId();
        await _plane.UpsertAgentAsync(new AgentRegistration(id, id), ct);
        var changes = new ConcurrentQueue<string?>();
        EventHandler<GatewayEvent> record = (_, e) =>
        {
            if (e.Name == "config.changed")
                changes.Enqueue(e.Payload.GetProperty("hash").GetString());
        };
        gateway.Client.EventReceived += record;
        try
        {
            var result = await gateway.Patcher.ApplyAsync([new AgentHeartbeat(id, new HeartbeatSettings { Every = "43m" })], ct);

            // The fake gateway sends the two frames in this order too; its tests rely on it.
            Assert.True(result.Patched);
            Assert.Contains(result.Hash, changes);
        }
        finally
        {
            gateway.Client.EventReceived -= record;
            await _plane.DeleteAgentAsync(id, cancellationToken: ct);
        }
    }

    [Fact]
    public async Task Config_get_returns_a_hash_and_the_entries_shape()
    {
        var config = await _plane.GetConfigAsync(TestDeadline.Token());

        Assert.StartsWith("hmac-sha256:", config.Hash, StringComparison.Ordinal);
        Assert.Equal(AgentConfigShape.EntriesMap, HeartbeatPatchBuilder.DetectShape(config.Parsed, config.Effective, gateway.Client.ServerInfo?.Protocol));
    }

    private static string NewId() => $"mc-hb-{Guid.NewGuid():N}"[..20];

    // The config minus what this test wrote: our agents' heartbeats and the channel visibility defaults.
    private static JsonObject Comparable(JsonObject config, IEnumerable<string> ids)
    {
        var copy = config.DeepClone().AsObject();
        foreach (var id in ids)
            (copy["agents"]?["entries"]?[id] as JsonObject)?.Remove("heartbeat");
        (copy["channels"]?["defaults"] as JsonObject)?.Remove("heartbeatVisibility");
        if (copy["channels"]?["defaults"] is JsonObject { Count: 0 })
            (copy["channels"] as JsonObject)!.Remove("defaults");
        if (copy["channels"] is JsonObject { Count: 0 })
            copy.Remove("channels");
        copy.Remove("meta");
        return copy;
    }
}
