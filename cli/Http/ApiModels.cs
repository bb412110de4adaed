using System.Text.Json;

namespace MissionControl.Cli.Http;

// What the tables show of the service's answers (snake_case on the wire); --json prints the answers whole.

public sealed record AgentItem(
    Guid Id, Guid? BoardId, Guid GatewayId, string Name, string Status, bool IsBoardLead, bool IsGatewayMain,
    string OpenclawSessionId, DateTimeOffset? LastSeenAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string Role => IsGatewayMain ? "gateway main" : IsBoardLead ? "lead" : "worker";
}

public sealed record BoardItem(Guid Id, string Name, string Description, Guid GatewayId, bool IsPaused, int MaxAgents, Guid? LeadAgentId);

public sealed record GatewayItem(Guid Id, string Name, string Url, string WorkspaceRoot, bool HasToken, Guid? MainAgentId);

public sealed record SystemStatus(string Version, string ClusterId, string AnsweredBy, List<SiloItem> Silos);

public sealed record SiloItem(
    string Address, int SiloPort, int? GatewayPort, int Generation, string Name, string Status,
    DateTimeOffset StartedAt, DateTimeOffset LastHeartbeatAt);

public sealed record HistoryItem(long Version, string Type, DateTimeOffset OccurredAt, string? Actor, JsonElement Data);

public sealed record InboxItem(Guid Id, string? SenderAgentName, string Content, string Status, int Attempts, DateTimeOffset CreatedAt);

public sealed record UserItem(Guid Id, string? Email, string? Name);

public sealed record SyncProgress(int AgentsDone, int AgentsTotal, bool Finished, SyncAgent? Agent, SyncResult Result);

public sealed record SyncAgent(Guid AgentId, string AgentName, Guid? BoardId, string Outcome, string? Message)
{
    public string Said => Message is null ? Outcome : $"{Outcome}: {Message}";
}

public sealed record SyncResult(Guid GatewayId, int AgentsUpdated, int AgentsSkipped, bool MainUpdated, List<SyncError> Errors);

public sealed record SyncError(Guid? AgentId, string? AgentName, Guid? BoardId, string Message);
