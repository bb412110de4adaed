using System.Text.Json;
using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>Name, heartbeat settings, identity or templates changed; carries the full new values.</summary>
[EventName("agent.profile_updated")]
public sealed record AgentProfileUpdated(
    string Name,
    IReadOnlyDictionary<string, JsonElement> HeartbeatConfig,
    IReadOnlyDictionary<string, string>? IdentityProfile,
    string? IdentityTemplate,
    string? SoulTemplate,
    DateTimeOffset At) : AgentEvent(At);
