using MissionControl.Runtime;

namespace MissionControl.Grains.Agents.Events;

/// <summary>A new agent token was minted; only its hash is recorded.</summary>
[EventName("agent.token_rotated")]
public sealed record AgentTokenRotated(string TokenHash, DateTimeOffset At) : AgentEvent(At)
{
    /// <summary>The token's <see cref="Security.AgentTokens.LookupKey"/>; absent on events written before it existed.</summary>
    public string? TokenLookup { get; init; }
}
