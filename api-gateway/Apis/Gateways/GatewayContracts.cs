using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Gateways.TemplateSync;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>
/// A gateway as the API shows it. Its token is write-only: never returned, only whether one is
/// set (<c>has_token</c>).
/// </summary>
public sealed record GatewayRead(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Url,
    string WorkspaceRoot,
    bool AllowInsecureTls,
    bool DisableDevicePairing,
    bool HasToken,
    Guid? MainAgentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static GatewayRead From(GatewayRow row) => new(
        row.Id, row.OrganizationId, row.Name, row.Url, row.WorkspaceRoot, row.AllowInsecureTls, row.DisableDevicePairing,
        row.HasToken, row.MainAgentId, row.CreatedAt, row.UpdatedAt);

    public static GatewayRead From(GatewayView view) => new(
        view.Id, view.OrganizationId, view.Name, view.Url, view.WorkspaceRoot, view.AllowInsecureTls, view.DisableDevicePairing,
        view.HasToken, view.MainAgentId, view.CreatedAt, view.UpdatedAt);
}

/// <summary>The body of <c>POST /gateways</c>.</summary>
public sealed record GatewayCreate(
    string Name,
    string Url,
    string WorkspaceRoot,
    string? Token = null,
    bool AllowInsecureTls = false,
    bool DisableDevicePairing = false)
{
    // Records print every member; the token must never reach a log line.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Name = {Name}, Url = {Url}, WorkspaceRoot = {WorkspaceRoot}, Token = {(Token is null ? "null" : "***")}, ");
        builder.Append($"AllowInsecureTls = {AllowInsecureTls}, DisableDevicePairing = {DisableDevicePairing}");
        return true;
    }
}

/// <summary>The body of <c>PATCH /gateways/{id}</c>: absent or null fields stay; a blank token removes it.</summary>
public sealed record GatewayUpdate(
    string? Name = null,
    string? Url = null,
    string? WorkspaceRoot = null,
    string? Token = null,
    bool? AllowInsecureTls = null,
    bool? DisableDevicePairing = null)
{
    public GatewayChanges ToChanges() => new()
    {
        Name = Name,
        Url = Url,
        WorkspaceRoot = WorkspaceRoot,
        Token = Token,
        AllowInsecureTls = AllowInsecureTls,
        DisableDevicePairing = DisableDevicePairing,
    };

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Name = {Name}, Url = {Url}, WorkspaceRoot = {WorkspaceRoot}, Token = {(Token is null ? "null" : "***")}, ");
        builder.Append($"AllowInsecureTls = {AllowInsecureTls}, DisableDevicePairing = {DisableDevicePairing}");
        return true;
    }
}

/// <summary>The answer of <c>POST /gateways/{id}/templates/sync</c>.</summary>
public sealed record GatewayTemplatesSyncResult(
    Guid GatewayId,
    bool IncludeMain,
    bool ResetSessions,
    int AgentsUpdated,
    int AgentsSkipped,
    bool MainUpdated,
    IReadOnlyList<GatewayTemplatesSyncError> Errors)
{
    public static GatewayTemplatesSyncResult From(TemplateSyncResult result) => new(
        result.GatewayId, result.IncludeMain, result.ResetSessions, result.AgentsUpdated, result.AgentsSkipped, result.MainUpdated,
        [.. result.Errors.Select(error => new GatewayTemplatesSyncError(error.AgentId, error.AgentName, error.BoardId, error.Message))]);
}

/// <summary>One agent a template sync could not update (all ids null when the whole run stopped).</summary>
public sealed record GatewayTemplatesSyncError(Guid? AgentId, string? AgentName, Guid? BoardId, string Message);

/// <summary>
/// One frame of a followed template sync: agents done out of the total, the agent just done and
/// what became of it (<c>updated</c>, <c>skipped</c> for a paused board, <c>failed</c> with why),
/// and the totals so far.
/// </summary>
public sealed record GatewayTemplatesSyncProgress(
    int AgentsDone, int AgentsTotal, bool Finished, TemplateSyncAgentOutcome? Agent, GatewayTemplatesSyncResult Result)
{
    public static GatewayTemplatesSyncProgress From(TemplateSyncResult report) =>
        new(report.AgentsDone, report.AgentsTotal, report.Finished, report.LastAgent, GatewayTemplatesSyncResult.From(report));
}
