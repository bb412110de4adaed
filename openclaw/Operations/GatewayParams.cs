namespace MissionControl.OpenClaw.Operations;

// Params of the RPC methods used by the control plane. Every gateway schema is closed, so these
// carry exactly the fields we mean to send; null members are left out by the serializer.

internal sealed record AgentIdParams(string AgentId);

internal sealed record AgentsCreateParams(string Name, string? Workspace);

internal sealed record AgentsUpdateParams(string AgentId, string? Name, string? Workspace);

internal sealed record AgentsDeleteParams(string AgentId, bool DeleteFiles);

internal sealed record AgentFileParams(string AgentId, string Name);

internal sealed record AgentFileSetParams(string AgentId, string Name, string Content, string? ExpectedHash);

internal sealed record SessionKeyParams(string Key);

internal sealed record SessionsPatchParams(string Key, string? Label);

internal sealed record SessionsDeleteParams(string Key, bool? DeleteTranscript);

internal sealed record ChatSendParams(string SessionKey, string Message, string IdempotencyKey, bool? Deliver);

internal sealed record ConfigPatchParams(string Raw, string? BaseHash);

internal sealed record ChatHistoryParams(string SessionKey, int? Limit);
