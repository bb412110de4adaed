using System.Text.Json;
using System.Text.Json.Nodes;
using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Operations;

/// <summary>Lenient readers for control-plane payloads; unknown fields are ignored.</summary>
internal static class PayloadReaders
{
    public static IReadOnlyList<GatewayAgent> Agents(JsonElement payload)
    {
        var items = payload.ValueKind == JsonValueKind.Array ? payload.EnumerateArray() : JsonRead.Array(payload, "agents");
        return items
            .Select(item => AgentId(item) is { } id
                ? new GatewayAgent(id, JsonRead.String(item, "name"), JsonRead.String(item, "workspace"))
                : null)
            .OfType<GatewayAgent>()
            .ToList();
    }

    public static string? DefaultAgentId(JsonElement payload) =>
        JsonRead.String(payload, "defaultId") ?? Agents(payload).FirstOrDefault()?.Id;

    public static IReadOnlyDictionary<string, AgentFileInfo> Files(JsonElement payload)
    {
        var index = new Dictionary<string, AgentFileInfo>(StringComparer.Ordinal);
        foreach (var item in JsonRead.Array(payload, "files"))
        {
            if (JsonRead.String(item, "name") is not { Length: > 0 } name)
                continue;
            index[name] = new AgentFileInfo(name, JsonRead.Bool(item, "missing") == true,
                JsonRead.Long(item, "size"), JsonRead.String(item, "path"));
        }

        return index;
    }

    public static AgentFile File(JsonElement payload, string requestedName)
    {
        var file = JsonRead.Object(payload, "file") ?? payload;
        return new AgentFile(
            JsonRead.String(file, "name") ?? requestedName,
            JsonRead.Bool(file, "missing") == true,
            JsonRead.String(file, "content"),
            JsonRead.String(file, "hash"));
    }

    public static GatewayConfigSnapshot Config(JsonElement payload) =>
        new(
            JsonRead.String(payload, "hash"),
            ObjectNode(payload, "parsed"),
            ObjectNode(payload, "config") is { Count: > 0 } effective ? effective : ObjectNode(payload, "parsed"),
            JsonRead.Bool(payload, "exists") ?? true);

    public static GatewayHealth Health(JsonElement payload)
    {
        var agents = JsonRead.Array(payload, "agents")
            .Select(item => JsonRead.String(item, "agentId") is { } id
                ? new AgentHeartbeatStatus(id,
                    JsonRead.Object(item, "heartbeat") is { } hb && JsonRead.Bool(hb, "enabled") == true,
                    JsonRead.Object(item, "heartbeat") is { } hb2 ? JsonRead.String(hb2, "every") : null)
                : null)
            .OfType<AgentHeartbeatStatus>()
            .ToList();
        return new GatewayHealth(JsonRead.Bool(payload, "ok") ?? false, JsonRead.String(payload, "defaultAgentId"), agents, payload);
    }

    /// <summary>The objects of a list payload: either a bare array or an array under <paramref name="name"/>.</summary>
    public static IReadOnlyList<JsonElement> Objects(JsonElement payload, string name)
    {
        var items = payload.ValueKind == JsonValueKind.Array ? payload.EnumerateArray() : JsonRead.Array(payload, name);
        // Cloned so the caller may keep them after the frame's document is gone.
        return items.Where(item => item.ValueKind == JsonValueKind.Object).Select(item => item.Clone()).ToList();
    }

    private static string? AgentId(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString(),
        JsonValueKind.Object => JsonRead.String(item, "id") ?? JsonRead.String(item, "agentId"),
        _ => null,
    };

    private static JsonObject ObjectNode(JsonElement payload, string name) =>
        JsonRead.Object(payload, name) is { } element ? JsonObject.Create(element) ?? [] : [];
}
