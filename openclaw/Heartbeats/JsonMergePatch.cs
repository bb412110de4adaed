using System.Text.Json.Nodes;

namespace MissionControl.OpenClaw.Heartbeats;

/// <summary>Computes and applies JSON merge patches (RFC 7396), the semantics of <c>config.patch</c>.</summary>
public static class JsonMergePatch
{
    /// <summary>
    /// The smallest merge patch turning <paramref name="current"/> into <paramref name="desired"/>
    /// (keys to drop become null), or null when they are already equal.
    /// </summary>
    public static JsonObject? Diff(JsonObject? current, JsonObject desired)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in desired)
        {
            var existing = current?[key];
            if (JsonNode.DeepEquals(existing, value))
                continue;
            patch[key] = existing is JsonObject existingObject && value is JsonObject desiredObject
                ? Diff(existingObject, desiredObject)
                : value?.DeepClone();
        }

        if (current is not null)
        {
            foreach (var (key, _) in current)
            {
                if (!desired.ContainsKey(key))
                    patch[key] = null;
            }
        }

        return patch.Count == 0 ? null : patch;
    }

    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> in place.</summary>
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
                target.Remove(key);
            else if (value is JsonObject patchObject)
            {
                if (target[key] is not JsonObject targetObject)
                    target[key] = targetObject = [];
                Apply(targetObject, patchObject);
            }
            else
                target[key] = value.DeepClone();
        }
    }
}
