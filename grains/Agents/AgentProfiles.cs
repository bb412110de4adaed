using System.Text.Json;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents;

/// <summary>Normalisation of the free-form parts of an agent: identity profile, heartbeat, templates.</summary>
public static class AgentProfiles
{
    /// <summary>
    /// Identity profile as trimmed strings: blank keys and values are dropped, list values are
    /// joined with ", ". Returns null when nothing is left.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? NormalizeIdentity(IReadOnlyDictionary<string, string>? profile)
    {
        if (profile is null)
        {
            return null;
        }

        var normalized = new Dictionary<string, string>();
        foreach (var (rawKey, rawValue) in profile)
        {
            var key = Text.TrimToNull(rawKey);
            var value = Text.TrimToNull(rawValue);
            if (key is not null && value is not null)
            {
                normalized[key] = value;
            }
        }

        return normalized.Count == 0 ? null : normalized;
    }

    /// <summary>Joins list-valued identity fields the way the API accepts them.</summary>
    public static string JoinListValue(IEnumerable<string> items) =>
        string.Join(", ", items.Select(item => item.Trim()).Where(item => item.Length > 0));

    /// <summary>The given identity laid over role defaults (leads and gateway-main agents have some).</summary>
    public static IReadOnlyDictionary<string, string>? WithDefaults(
        IReadOnlyDictionary<string, string>? defaults,
        IReadOnlyDictionary<string, string>? given)
    {
        var normalized = NormalizeIdentity(given);
        if (defaults is null)
        {
            return normalized;
        }

        var merged = new Dictionary<string, string>(defaults);
        foreach (var (key, value) in normalized ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>The default heartbeat settings overridden key by key by the agent's own.</summary>
    public static IReadOnlyDictionary<string, JsonElement> MergeHeartbeat(IReadOnlyDictionary<string, JsonElement>? own)
    {
        var merged = new Dictionary<string, JsonElement>(AgentDefaults.HeartbeatConfig());
        foreach (var (key, value) in own ?? new Dictionary<string, JsonElement>())
        {
            // Clone so the stored value does not depend on a JsonDocument the caller may dispose.
            merged[key] = value.Clone();
        }

        return merged;
    }

    /// <summary>Blank template text means "no override".</summary>
    public static string? NormalizeTemplate(string? template) => Text.TrimToNull(template);
}
