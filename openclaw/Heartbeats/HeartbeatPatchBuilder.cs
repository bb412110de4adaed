using System.Text.Json.Nodes;

namespace MissionControl.OpenClaw.Heartbeats;

/// <summary>Where a gateway keeps its agents in config.</summary>
public enum AgentConfigShape
{
    /// <summary><c>agents.entries</c>: a map keyed by agent id (current gateways).</summary>
    EntriesMap,

    /// <summary><c>agents.list</c>: an array of <c>{id, ...}</c> (older gateways, protocol 3).</summary>
    LegacyList,
}

/// <summary>
/// Pure function from (current config, desired heartbeats) to the merge patch that makes them true,
/// in the config shape the gateway uses. Everything not named in the batch is left out of the patch,
/// so the gateway keeps it as it is.
/// </summary>
public static class HeartbeatPatchBuilder
{
    private static readonly (string Key, bool Value)[] DefaultVisibility =
        [("showOk", false), ("showAlerts", true), ("useIndicator", true)];

    /// <summary>Picks the shape from the authored config, then the effective one, then the protocol.</summary>
    public static AgentConfigShape DetectShape(JsonObject parsed, JsonObject effective, int? protocol)
    {
        foreach (var config in new[] { parsed, effective })
        {
            var agents = Child(config, "agents");
            if (agents?["entries"] is JsonObject)
                return AgentConfigShape.EntriesMap;
            if (agents?["list"] is JsonArray)
                return AgentConfigShape.LegacyList;
        }

        return protocol is < 4 ? AgentConfigShape.LegacyList : AgentConfigShape.EntriesMap;
    }

    /// <summary>Builds the patch, or returns null when the config already matches.</summary>
    public static JsonObject? Build(
        JsonObject parsed,
        JsonObject effective,
        IReadOnlyCollection<AgentHeartbeat> batch,
        AgentConfigShape shape,
        bool ensureChannelVisibility = true)
    {
        var patch = new JsonObject();
        var agentsPatch = shape == AgentConfigShape.EntriesMap
            ? EntriesPatch(parsed, batch)
            : ListPatch(parsed, effective, batch);
        if (agentsPatch is not null)
            patch["agents"] = agentsPatch;
        if (ensureChannelVisibility && VisibilityPatch(parsed, shape) is { } channels)
            patch["channels"] = channels;
        return patch.Count == 0 ? null : patch;
    }

    private static JsonObject? EntriesPatch(JsonObject parsed, IReadOnlyCollection<AgentHeartbeat> batch)
    {
        var authored = Child(Child(parsed, "agents"), "entries");
        var entries = new JsonObject();
        foreach (var item in batch)
        {
            var current = Child(authored, item.AgentId);
            var entry = new JsonObject();
            if (JsonMergePatch.Diff(Child(current, "heartbeat"), item.Heartbeat.ToJson()) is { } heartbeat)
                entry["heartbeat"] = heartbeat;
            if (item.Workspace is { } workspace && !JsonNode.DeepEquals(current?["workspace"], JsonValue.Create(workspace)))
                entry["workspace"] = workspace;
            if (item.Name is { } name && !JsonNode.DeepEquals(current?["name"], JsonValue.Create(name)))
                entry["name"] = name;
            if (entry.Count > 0)
                entries[item.AgentId] = entry;
        }

        return entries.Count == 0 ? null : new JsonObject { ["entries"] = entries };
    }

    // Older gateways keep an array; the seed behaviour is to rewrite it whole, updating our agents
    // in place and appending the ones it lacks, every other element carried over untouched.
    private static JsonObject? ListPatch(JsonObject parsed, JsonObject effective, IReadOnlyCollection<AgentHeartbeat> batch)
    {
        var current = Child(parsed, "agents")?["list"] as JsonArray ?? Child(effective, "agents")?["list"] as JsonArray ?? [];
        var byId = batch.ToDictionary(item => item.AgentId, StringComparer.Ordinal);
        var updated = new HashSet<string>(StringComparer.Ordinal);
        var list = new JsonArray();
        foreach (var element in current)
        {
            var copy = element?.DeepClone();
            if (copy is JsonObject entry && entry["id"] is JsonValue idValue
                && idValue.TryGetValue<string>(out var id) && byId.TryGetValue(id, out var item))
            {
                ApplyToListEntry(entry, item);
                updated.Add(id);
            }

            list.Add(copy);
        }

        foreach (var item in batch.Where(item => !updated.Contains(item.AgentId)))
            list.Add(ApplyToListEntry(new JsonObject { ["id"] = item.AgentId }, item));
        return JsonNode.DeepEquals(list, current) ? null : new JsonObject { ["list"] = list };
    }

    private static JsonObject ApplyToListEntry(JsonObject entry, AgentHeartbeat item)
    {
        if (item.Workspace is { } workspace)
            entry["workspace"] = workspace;
        if (item.Name is { } name)
            entry["name"] = name;
        entry["heartbeat"] = item.Heartbeat.ToJson();
        return entry;
    }

    // Quiet routine heartbeat acknowledgements by default, without overriding what an operator set.
    private static JsonObject? VisibilityPatch(JsonObject parsed, AgentConfigShape shape)
    {
        var key = shape == AgentConfigShape.EntriesMap ? "heartbeatVisibility" : "heartbeat";
        var current = Child(Child(Child(parsed, "channels"), "defaults"), key);
        var missing = DefaultVisibility.Where(pair => current?[pair.Key] is null).ToList();
        if (missing.Count == 0)
            return null;
        var merged = current?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in missing)
            merged[name] = value;
        return new JsonObject { ["defaults"] = new JsonObject { [key] = merged } };
    }

    private static JsonObject? Child(JsonObject? parent, string name) => parent?[name] as JsonObject;
}
