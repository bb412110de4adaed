using MissionControl.GrainInterfaces.Agents;

namespace MissionControl.ApiGateway.Apis.Inbox;

/// <summary>The answer of <c>GET /api/gateway/poll</c>.</summary>
public sealed record GatewayPollResponse(IReadOnlyList<GatewayMessageOut> Messages, IReadOnlyList<GatewayRelationshipItem> Relationships)
{
    public static GatewayPollResponse From(InboxPollView view) => new(
        [.. view.Messages.Select(GatewayMessageOut.From)],
        [.. view.Relationships.Select(r => new GatewayRelationshipItem(r.Name, r.Type, r.Role, r.Description, r.Channels))]);
}

/// <summary>
/// A leased message. Besides the contract's fields it says which delivery this is and when the
/// lease runs out: a message not reported by <c>lease_expires_at</c> is delivered again.
/// </summary>
public sealed record GatewayMessageOut(
    Guid Id,
    string? ConversationId,
    string? SenderAgentName,
    string? SenderUserName,
    string? SenderUserId,
    string Content,
    DateTimeOffset CreatedAt,
    IReadOnlyList<GatewayHistoryItem> History,
    int Attempt,
    DateTimeOffset LeaseExpiresAt)
{
    public static GatewayMessageOut From(LeasedMessage message) => new(
        message.Id,
        message.ConversationId,
        message.SenderAgentName,
        SenderUserName: null,
        SenderUserId: null,
        message.Content,
        message.CreatedAt,
        [.. message.History.Select(h => new GatewayHistoryItem(h.Role, h.Content, h.SenderName, h.CreatedAt))],
        message.Attempt,
        message.LeaseExpiresAt);
}

public sealed record GatewayHistoryItem(string Role, string Content, string? SenderName, DateTimeOffset CreatedAt);

public sealed record GatewayRelationshipItem(string Name, string Type, string? Role, string? Description, IReadOnlyList<string> Channels);

/// <summary>The body of <c>POST /api/gateway/report</c>.</summary>
public sealed record GatewayReportRequest(Guid MessageId, string Result);

/// <summary>The body of <c>POST /api/gateway/send-message</c>.</summary>
public sealed record GatewaySendMessageRequest(string Target, string Content, string? Channel = null, Guid? MessageId = null);

/// <summary>A send that was queued (or recognised as a repeat of one that was).</summary>
public sealed record GatewaySendMessageAccepted(
    string Status,
    string Target,
    string Type,
    string Message,
    Guid MessageId,
    Guid TargetId,
    string ConversationId)
{
    public static GatewaySendMessageAccepted From(SendAccepted sent) => new(
        "accepted",
        sent.TargetName,
        "openclaw_agent",
        $"Message sent to {sent.TargetName}. Reply will appear in your next poll.",
        sent.MessageId,
        sent.TargetId,
        sent.ConversationId);
}

/// <summary>The detail of a 409 for a name several agents share.</summary>
public sealed record AmbiguousTarget(string Code, string Message, IReadOnlyList<Guid> Candidates)
{
    public static AmbiguousTarget From(SendAmbiguous ambiguous) => new(
        "gateway_target_ambiguous",
        $"Several agents are named '{ambiguous.Target}'; send to one of these agent ids instead: {string.Join(", ", ambiguous.Candidates)}",
        ambiguous.Candidates);
}

public sealed record GatewayStatus(string Status);

public sealed record GatewayHeartbeat(string Status, Guid AgentId);

/// <summary>The answer of <c>GET /api/gateway/setup-guide/{agent_id}</c>.</summary>
public sealed record GatewaySetupGuide(string SkillFilename, string SkillContent, string HeartbeatAddition);
