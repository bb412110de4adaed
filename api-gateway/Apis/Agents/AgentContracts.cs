using System.Text.Json;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>The settings a new agent's body and a change's body share.</summary>
public interface IAgentSettings
{
    string? Status { get; }

    Dictionary<string, JsonElement>? HeartbeatConfig { get; }

    Dictionary<string, JsonElement>? IdentityProfile { get; }

    string? IdentityTemplate { get; }

    string? SoulTemplate { get; }
}

/// <summary>
/// The body of <c>POST /agents</c> and <c>POST /agent/agents</c>. <c>status</c> is accepted and
/// ignored: a new agent is provisioning until it checks in.
/// </summary>
public sealed record AgentCreate(
    string Name,
    Guid? BoardId = null,
    string? Status = null,
    Dictionary<string, JsonElement>? HeartbeatConfig = null,
    Dictionary<string, JsonElement>? IdentityProfile = null,
    string? IdentityTemplate = null,
    string? SoulTemplate = null) : IAgentSettings;

/// <summary>The body of <c>PATCH /agents/{id}</c>: absent or null fields stay as they are; blank templates clear.</summary>
public sealed record AgentUpdate(
    Guid? BoardId = null,
    bool? IsGatewayMain = null,
    string? Name = null,
    string? Status = null,
    Dictionary<string, JsonElement>? HeartbeatConfig = null,
    Dictionary<string, JsonElement>? IdentityProfile = null,
    string? IdentityTemplate = null,
    string? SoulTemplate = null) : IAgentSettings;

/// <summary>The body of <c>POST /agents/{id}/heartbeat</c>: the status to report, else online.</summary>
public sealed record AgentHeartbeat(string? Status = null);

/// <summary>The body of <c>POST /agents/heartbeat</c>: the agent by name (on a board), created when missing.</summary>
public sealed record AgentHeartbeatCreate(string Name, Guid? BoardId = null, string? Status = null);

/// <summary>The body of <c>POST /agent/boards/{b}/agents/{a}/nudge</c>.</summary>
public sealed record AgentNudge(string Message);

/// <summary>The body of <c>PUT /agent/boards/{b}/agents/{a}/soul</c>.</summary>
public sealed record SoulUpdate(string Content, string? SourceUrl = null, string? Reason = null);

/// <summary>The answer of <c>GET /api/v1/agent/healthz</c>: who the caller is and how it stands.</summary>
public sealed record AgentHealth(bool Ok, Guid AgentId, Guid? BoardId, Guid? GatewayId, string Status, bool IsBoardLead);
