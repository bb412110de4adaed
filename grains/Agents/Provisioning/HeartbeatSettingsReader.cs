using System.Text.Json;
using MissionControl.OpenClaw.Heartbeats;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>
/// Turns an agent's stored heartbeat settings into what the gateway accepts. Keys the gateway
/// does not know (such as <c>includeReasoning</c>, which today's gateway rejects) are left out.
/// </summary>
public static class HeartbeatSettingsReader
{
    /// <summary>The gateway settings; <paramref name="fallbackPrompt"/> is used when the agent set no prompt of its own.</summary>
    public static HeartbeatSettings Read(IReadOnlyDictionary<string, JsonElement> config, string? fallbackPrompt)
    {
        return new HeartbeatSettings
        {
            Every = Text(config, "every") ?? "10m",
            Target = Text(config, "target"),
            Prompt = Text(config, "prompt") ?? fallbackPrompt,
            Model = Text(config, "model"),
            Session = Text(config, "session"),
            DirectPolicy = Text(config, "directPolicy"),
            To = Text(config, "to"),
            AccountId = Text(config, "accountId"),
            TimeoutSeconds = config.TryGetValue("timeoutSeconds", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var seconds) ? seconds : null,
            LightContext = Flag(config, "lightContext"),
            IsolatedSession = Flag(config, "isolatedSession"),
        };
    }

    private static string? Text(IReadOnlyDictionary<string, JsonElement> config, string key) =>
        config.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static bool? Flag(IReadOnlyDictionary<string, JsonElement> config, string key) =>
        config.TryGetValue(key, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}
