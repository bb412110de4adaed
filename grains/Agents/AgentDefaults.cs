using System.Text.Json;

namespace MissionControl.Grains.Agents;

/// <summary>Defaults and fixed timings of the agent lifecycle.</summary>
public static class AgentDefaults
{
    /// <summary>Silence after which a live agent is considered offline.</summary>
    public static readonly TimeSpan OfflineAfter = TimeSpan.FromMinutes(10);

    /// <summary>How long a woken agent has to send its first heartbeat.</summary>
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromSeconds(30);

    /// <summary>Wakes sent without a check-in before the agent is given up as offline.</summary>
    public const int MaxWakeAttempts = 3;

    /// <summary>Name given to an automatically created board lead.</summary>
    public const string LeadAgentName = "Lead Agent";

    /// <summary>Reason recorded when an agent never answered its wake-ups.</summary>
    public const string NeverCheckedInReason = "Agent did not check in after wake; max wake attempts reached";

    /// <summary>Heartbeat settings every agent starts from; its own settings override these keys.</summary>
    public static IReadOnlyDictionary<string, JsonElement> HeartbeatConfig() => new Dictionary<string, JsonElement>
    {
        ["every"] = JsonSerializer.SerializeToElement("10m"),
        // Keep routine heartbeat output out of chat channels unless the agent opts in.
        ["target"] = JsonSerializer.SerializeToElement("none"),
        ["includeReasoning"] = JsonSerializer.SerializeToElement(false),
    };

    /// <summary>Identity a board lead starts with; given values override these keys.</summary>
    public static IReadOnlyDictionary<string, string> LeadIdentityProfile() => new Dictionary<string, string>
    {
        ["role"] = "Board Lead",
        ["communication_style"] = "direct, concise, practical",
        ["emoji"] = ":gear:",
    };

    /// <summary>Identity a gateway-main agent starts with; given values override these keys.</summary>
    public static IReadOnlyDictionary<string, string> GatewayMainIdentityProfile() => new Dictionary<string, string>
    {
        ["role"] = "Gateway Agent",
        ["emoji"] = ":compass:",
    };
}
