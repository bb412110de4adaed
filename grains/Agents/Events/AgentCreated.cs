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
    DateTimeOffset At) : AgentEvent(At);
