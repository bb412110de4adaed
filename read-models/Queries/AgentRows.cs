using System.Text.Json;

namespace MissionControl.ReadModels.Queries;

/// <summary>
/// An agent as lists show it (the API's AgentRead). <see cref="Status"/> is the stored
/// lifecycle status; the API derives the displayed one from it and <see cref="LastSeenAt"/>.
/// <see cref="SessionKey"/> is what the API calls <c>openclaw_session_id</c>. No token data.
/// </summary>
public sealed record AgentRow(
    Guid Id,
    Guid? OrganizationId,
    Guid? BoardId,
    Guid GatewayId,
    string Name,
    string Status,
    bool IsBoardLead,
    bool IsGatewayMain,
    string SessionKey,
    IReadOnlyDictionary<string, JsonElement> HeartbeatConfig,
    IReadOnlyDictionary<string, string>? IdentityProfile,
    string? IdentityTemplate,
    string? SoulTemplate,
    DateTimeOffset? LastSeenAt,
    string? LastProvisionError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An agent whose token has the presented lookup key; the caller verifies the token against <see cref="TokenHash"/>.</summary>
public sealed record AgentTokenCandidate(Guid AgentId, string TokenHash, Guid? BoardId, string Status)
{
    /// <summary>Whether the agent leads its board.</summary>
    public bool IsBoardLead { get; init; }
}

/// <summary>Optional filters of the agent list; unset ones do not filter.</summary>
public sealed record AgentListFilter(Guid? BoardId = null, Guid? GatewayId = null, Guid? OrganizationId = null);
