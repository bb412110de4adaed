using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.TemplateSync;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>
/// An organization's gateways (<c>/api/v1/gateways</c>), for its owners and admins only. A
/// gateway of another organization is answered as unknown (404). Tokens are write-only.
/// </summary>
public static class GatewaysApi
{
    public const string GatewayNotFound = "Gateway not found";

    public static IEndpointRouteBuilder MapGatewaysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/gateways").RequireUser().WithTags("gateways");
        api.MapGet("", List).WithName("ListGateways");
        api.MapPost("", Create).WithName("CreateGateway");
        api.MapGet("/{gatewayId}", Get).WithName("GetGateway");
        api.MapPatch("/{gatewayId}", Update).WithName("UpdateGateway");
        api.MapDelete("/{gatewayId}", Delete).WithName("DeleteGateway");
        api.MapPost("/{gatewayId}/templates/sync", SyncTemplates).WithName("SyncGatewayTemplates");
        app.MapGatewaySessionsApi();
        return app;
    }

    public static async Task<Ok<Page<GatewayRead>>> List(UserSession session, PageRequest page, GatewayQueries gateways, CancellationToken ct)
    {
        var admin = session.RequireAdmin();
        var rows = await gateways.ListAsync(admin.OrganizationId, page.Limit, page.Offset, ct);
        return TypedResults.Ok(page.ToPage(rows.Items.Select(GatewayRead.From).ToList(), rows.Total));
    }

    /// <summary>
    /// Registers a gateway: its workflow (the gateway checked first, then registered, then its
    /// main agent created and provisioned) is the gateway's lifecycle grain's.
    /// </summary>
    public static async Task<Ok<GatewayRead>> Create(GatewayCreate body, UserSession session, IGrainFactory grains)
    {
        var admin = session.RequireAdmin();
        var registration = new NewGateway(admin.OrganizationId, body.Name, body.Url.Trim(), body.WorkspaceRoot)
        {
            Token = Text.TrimToNull(body.Token),
            AllowInsecureTls = body.AllowInsecureTls,
            DisableDevicePairing = body.DisableDevicePairing,
        };
        return TypedResults.Ok(GatewayRead.From(await Lifecycle(grains, Guid.NewGuid()).Register(registration)));
    }

    public static async Task<Ok<GatewayRead>> Get(Guid gatewayId, UserSession session, GatewayQueries gateways, CancellationToken ct) =>
        TypedResults.Ok(GatewayRead.From(await FindAsync(session, gatewayId, gateways, ct)));

    /// <summary>
    /// Changes the gateway: new connection settings are checked against the gateway before they
    /// are saved, and the main agent follows (see <see cref="IGatewayLifecycleGrain.Change"/>).
    /// </summary>
    public static async Task<Ok<GatewayRead>> Update(
        Guid gatewayId, GatewayUpdate body, UserSession session, GatewayQueries gateways, IGrainFactory grains, CancellationToken ct)
    {
        await FindAsync(session, gatewayId, gateways, ct);
        return TypedResults.Ok(GatewayRead.From(await Lifecycle(grains, gatewayId).Change(body.ToChanges() with { Url = body.Url?.Trim() })));
    }

    /// <summary>
    /// Deletes the gateway, then its main agents; Mission Control forgets the gateway and leaves
    /// it as it is (see <see cref="IGatewayLifecycleGrain.Delete"/>).
    /// </summary>
    public static async Task<Ok<OkResponse>> Delete(Guid gatewayId, UserSession session, GatewayQueries gateways, IGrainFactory grains, CancellationToken ct)
    {
        await FindAsync(session, gatewayId, gateways, ct);
        await Lifecycle(grains, gatewayId).Delete();
        return TypedResults.Ok(OkResponse.Instance);
    }

    /// <summary>
    /// Rewrites the workspaces of the gateway's agents from the current templates. A client that
    /// accepts <c>text/event-stream</c> follows the run: a <c>progress</c> frame after each agent,
    /// then one <c>result</c> frame; any other client gets the result when the run ends.
    /// </summary>
    public static async Task<Results<Ok<GatewayTemplatesSyncResult>, ServerSentEventsResult<GatewayTemplatesSyncProgress>>> SyncTemplates(
        Guid gatewayId, HttpRequest request, UserSession session, GatewayQueries gateways, GatewayTemplateSync sync,
        ILogger<GatewayTemplateSync> logger, CancellationToken ct,
        [FromQuery(Name = "include_main")] bool? includeMain = null,
        [FromQuery(Name = "lead_only")] bool? leadOnly = null,
        [FromQuery(Name = "reset_sessions")] bool? resetSessions = null,
        [FromQuery(Name = "rotate_tokens")] bool? rotateTokens = null,
        [FromQuery(Name = "force_bootstrap")] bool? forceBootstrap = null,
        [FromQuery(Name = "overwrite")] bool? overwrite = null,
        [FromQuery(Name = "board_id")] Guid? boardId = null)
    {
        await FindAsync(session, gatewayId, gateways, ct);
        var options = new TemplateSyncOptions
        {
            IncludeMain = includeMain ?? true,
            LeadOnly = leadOnly ?? false,
            ResetSessions = resetSessions ?? false,
            RotateTokens = rotateTokens ?? false,
            ForceBootstrap = forceBootstrap ?? false,
            Overwrite = overwrite ?? false,
            BoardId = boardId,
        };
        if (TemplateSyncStream.IsAskedFor(request))
            return TypedResults.ServerSentEvents(TemplateSyncStream.Run(sync, gatewayId, options, logger, ct));
        return TypedResults.Ok(GatewayTemplatesSyncResult.From(await sync.RunAsync(gatewayId, options, progress: null, ct)));
    }

    private static IGatewayLifecycleGrain Lifecycle(IGrainFactory grains, Guid gatewayId) =>
        grains.GetGrain<IGatewayLifecycleGrain>(gatewayId.ToString());

    /// <summary>The gateway, for an admin of its organization; anyone else's is unknown.</summary>
    private static async Task<GatewayRow> FindAsync(UserSession session, Guid gatewayId, GatewayQueries gateways, CancellationToken ct)
    {
        var admin = session.RequireAdmin();
        var gateway = await gateways.GetAsync(gatewayId, ct);
        return gateway is not null && gateway.OrganizationId == admin.OrganizationId
            ? gateway
            : throw DomainError.NotFound(GatewayNotFound);
    }
}
