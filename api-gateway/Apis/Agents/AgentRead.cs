using System.Text.Json;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>An agent as the API shows it (the upstream <c>AgentRead</c> shape, snake_case on the wire).</summary>
public sealed record AgentRead(
    Guid Id,
    Guid? BoardId,
    Guid GatewayId,
    string Name,
    string Status,
    IReadOnlyDictionary<string, JsonElement> HeartbeatConfig,
    IReadOnlyDictionary<string, string>? IdentityProfile,
    string? IdentityTemplate,
    string? SoulTemplate,
    bool IsBoardLead,
    bool IsGatewayMain,
    string OpenclawSessionId,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The agent with its status as read now: one that never checked in reads "provisioning", one
    /// silent past <paramref name="offlineAfter"/> reads "offline" even before the watchdog has run.
    /// </summary>
    public static AgentRead From(AgentSnapshot agent, DateTimeOffset now, TimeSpan offlineAfter) => new(
        agent.Id,
        agent.BoardId,
        agent.GatewayId,
        agent.Name,
        AgentStatusView.Compute(agent.Status, agent.LastSeenAt, now, offlineAfter),
        agent.HeartbeatConfig,
        agent.IdentityProfile,
        agent.IdentityTemplate,
        agent.SoulTemplate,
        agent.IsBoardLead,
        agent.IsGatewayMain,
        agent.SessionKey,
        agent.LastSeenAt,
        agent.CreatedAt,
        agent.UpdatedAt);

    /// <summary>The agent as its read-model row has it, with the same read-time status rule.</summary>
    public static AgentRead From(AgentRow agent, DateTimeOffset now, TimeSpan offlineAfter) => new(
        agent.Id,
        agent.BoardId,
        agent.GatewayId,
        agent.Name,
        AgentStatusView.Compute(agent.Status, agent.LastSeenAt, now, offlineAfter),
        agent.HeartbeatConfig,
        agent.IdentityProfile,
        agent.IdentityTemplate,
        agent.SoulTemplate,
        agent.IsBoardLead,
        agent.IsGatewayMain,
        agent.SessionKey,
        agent.LastSeenAt,
        agent.CreatedAt,
        agent.UpdatedAt);
}
