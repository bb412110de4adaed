using System.Text.Json.Nodes;

namespace MissionControl.Fakes;

/// <summary>Closed param schemas and required scopes, as the real gateway enforces them.</summary>
internal static class FakeSchemas
{
    private static readonly Dictionary<string, (string Scope, string[] Allowed, string[] Required)> Methods = new()
    {
        ["health"] = ("operator.read", [], []),
        ["agents.list"] = ("operator.read", [], []),
        ["agents.files.list"] = ("operator.read", ["agentId"], ["agentId"]),
        ["agents.files.get"] = ("operator.read", ["agentId", "name"], ["agentId", "name"]),
        ["config.get"] = ("operator.read", [], []),
        ["models.list"] = ("operator.read", ["agentId", "sessionKey", "view", "refresh", "provider"], []),
        ["sessions.list"] = ("operator.read", ["limit", "offset", "agentId", "search", "includeGlobal", "includeUnknown"], []),
        ["chat.history"] = ("operator.read", ["sessionKey", "agentId", "limit", "offset"], ["sessionKey"]),
        ["chat.send"] = ("operator.write", ["sessionKey", "message", "idempotencyKey", "agentId", "deliver", "thinking", "timeoutMs"], ["sessionKey", "message", "idempotencyKey"]),
        ["sessions.patch"] = ("operator.write", ["key", "label", "model"], ["key"]),
        ["agents.create"] = ("operator.admin", ["name", "workspace", "model", "emoji", "avatar"], ["name"]),
        ["agents.update"] = ("operator.admin", ["agentId", "name", "workspace", "model", "emoji", "avatar"], ["agentId"]),
        ["agents.delete"] = ("operator.admin", ["agentId", "deleteFiles"], ["agentId"]),
        ["agents.files.set"] = ("operator.admin", ["agentId", "name", "content", "expectedHash"], ["agentId", "name", "content"]),
        ["config.patch"] = ("operator.admin", ["raw", "baseHash", "replacePaths", "sessionKey", "note", "restartDelayMs"], ["raw"]),
        ["sessions.reset"] = ("operator.admin", ["key", "agentId", "reason", "expectedSessionId"], ["key"]),
        ["sessions.delete"] = ("operator.admin", ["key", "agentId", "deleteTranscript", "expectedSessionId", "archivedOnly"], ["key"]),
    };

    // Fields where the real schema accepts null.
    private static readonly HashSet<string> Nullable = ["sessions.patch/label"];

    public static bool IsKnown(string method) => Methods.ContainsKey(method);

    public static string RequiredScope(string method) => Methods[method].Scope;

    public static bool Grants(IReadOnlyCollection<string> granted, string required) =>
        granted.Contains("operator.admin")
        || granted.Contains(required)
        || (required == "operator.read" && granted.Contains("operator.write"));

    /// <summary>Returns the gateway's validation message, or null when the params are valid.</summary>
    public static string? Validate(string method, JsonObject parameters)
    {
        var (_, allowed, required) = Methods[method];
        foreach (var name in required.Where(name => !parameters.ContainsKey(name)))
            return $"invalid {method} params: must have required property '{name}'";
        foreach (var (name, value) in parameters)
        {
            if (!allowed.Contains(name))
                return $"invalid {method} params: at root: unexpected property '{name}'";
            if (value is null && !Nullable.Contains($"{method}/{name}"))
                return $"invalid {method} params: at /{name}: must be string";
        }

        return null;
    }
}
