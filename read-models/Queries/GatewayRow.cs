namespace MissionControl.ReadModels.Queries;

/// <summary>A gateway as lists show it: everything but the token, which is write-only.</summary>
public sealed record GatewayRow(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Url,
    bool HasToken,
    string WorkspaceRoot,
    bool AllowInsecureTls,
    bool DisableDevicePairing,
    Guid? MainAgentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
