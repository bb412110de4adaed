using System.Text.Json.Nodes;
using MissionControl.OpenClaw.Heartbeats;

namespace MissionControl.OpenClaw.Tests.Unit;

public class HeartbeatPatchBuilderTests
{
    private static readonly HeartbeatSettings Every45 = new() { Every = "45m", Target = "none" };

    [Fact]
    public void Entries_shape_patches_only_the_named_agents_heartbeats()
    {
        var parsed = Json("""{"agents":{"entries":{"a":{"name":"A"},"other":{"heartbeat":{"every":"5m"}}}},"gateway":{"port":1}}""");

        var patch = HeartbeatPatchBuilder.Build(parsed, parsed, [new AgentHeartbeat("a", Every45), new AgentHeartbeat("b", Every45)], AgentConfigShape.EntriesMap)!;

        Assert.Equal(
            Json("""{"agents":{"entries":{"a":{"heartbeat":{"every":"45m","target":"none"}},"b":{"heartbeat":{"every":"45m","target":"none"}}}},"channels":{"defaults":{"heartbeatVisibility":{"showOk":false,"showAlerts":true,"useIndicator":true}}}}""").ToJsonString(),
            patch.ToJsonString());
    }

    [Fact]
    public void Keys_no_longer_wanted_are_removed_with_null()
    {
        var parsed = Json("""{"agents":{"entries":{"a":{"heartbeat":{"every":"10m","prompt":"old","activeHours":{"start":"08:00","end":"18:00","timezone":"UTC"}}}}}}""");
        var desired = new HeartbeatSettings { Every = "10m", ActiveHours = new HeartbeatActiveHours("08:00", "18:00") };

        var patch = HeartbeatPatchBuilder.Build(parsed, parsed, [new AgentHeartbeat("a", desired)], AgentConfigShape.EntriesMap, ensureChannelVisibility: false)!;

        Assert.Equal("""{"agents":{"entries":{"a":{"heartbeat":{"activeHours":{"timezone":null},"prompt":null}}}}}""", patch.ToJsonString());
    }

    [Fact]
    public void Matching_config_needs_no_patch()
    {
        var parsed = Json("""{"agents":{"entries":{"a":{"heartbeat":{"every":"45m","target":"none"}}}},"channels":{"defaults":{"heartbeatVisibility":{"showOk":true,"showAlerts":true,"useIndicator":false}}}}""");

        Assert.Null(HeartbeatPatchBuilder.Build(parsed, parsed, [new AgentHeartbeat("a", Every45)], AgentConfigShape.EntriesMap));
    }

    [Fact]
    public void Legacy_list_shape_rewrites_the_list_keeping_other_entries()
    {
        var parsed = Json("""{"agents":{"list":[{"id":"main","model":"x"},{"id":"a","workspace":"/w/a","heartbeat":{"every":"1m"}}]}}""");

        var patch = HeartbeatPatchBuilder.Build(parsed, parsed, [new AgentHeartbeat("a", Every45, "/w/a2"), new AgentHeartbeat("b", Every45)], AgentConfigShape.LegacyList)!;

        Assert.Equal(
            Json("""{"agents":{"list":[{"id":"main","model":"x"},{"id":"a","workspace":"/w/a2","heartbeat":{"every":"45m","target":"none"}},{"id":"b","heartbeat":{"every":"45m","target":"none"}}]},"channels":{"defaults":{"heartbeat":{"showOk":false,"showAlerts":true,"useIndicator":true}}}}""").ToJsonString(),
            patch.ToJsonString());
    }

    [Theory]
    [InlineData("""{"agents":{"entries":{}}}""", "{}", 3, AgentConfigShape.EntriesMap)]
    [InlineData("""{"agents":{"list":[]}}""", "{}", 4, AgentConfigShape.LegacyList)]
    [InlineData("{}", """{"agents":{"list":[{"id":"main"}]}}""", 4, AgentConfigShape.LegacyList)]
    [InlineData("{}", "{}", 3, AgentConfigShape.LegacyList)]
    [InlineData("{}", "{}", 4, AgentConfigShape.EntriesMap)]
    public void Shape_comes_from_the_config_then_the_protocol(string parsed, string effective, int protocol, AgentConfigShape shape) =>
        Assert.Equal(shape, HeartbeatPatchBuilder.DetectShape(Json(parsed), Json(effective), protocol));

    [Fact]
    public void Merge_patch_round_trips_a_diff()
    {
        var current = Json("""{"a":1,"b":{"c":2,"d":3},"e":[1]}""");
        var desired = Json("""{"a":1,"b":{"c":5},"f":"new"}""");

        JsonMergePatch.Apply(current, JsonMergePatch.Diff(current, desired)!);

        Assert.True(JsonNode.DeepEquals(desired, current));
    }

    [Fact]
    public void Settings_json_leaves_out_unset_members()
    {
        Assert.Equal("""{"every":"10m","lightContext":true}""", new HeartbeatSettings { Every = "10m", LightContext = true }.ToJson().ToJsonString());
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
