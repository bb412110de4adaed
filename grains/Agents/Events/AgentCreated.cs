using System.Text.Json;
using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>An agent record was created; provisioning follows in the same decision.</summary>
[EventName("agent.created")]
public sealed record AgentCreated(
    Guid AgentId,
    string Name,
    Guid? BoardId,
    Guid GatewayId,
    bool IsBoardLead,
    string SessionKey,
    string TokenHash,
    IReadOnlyDictionary<string, JsonElement> HeartbeatConfig,
    IReadOnlyDictionary<string, string>? IdentityProfile,
    string? IdentityTemplate,
    string? SoulTemplate,
    DateTimeOffset At) : AgentEvent(At)
{
    /// <summary>The token's <see cref="Security.AgentTokens.LookupKey"/>; absent on events written before it existed.</summary>
    public string? TokenLookup { get; init; }
}
