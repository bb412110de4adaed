using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Contracts;
using MissionControl.ApiGateway.Apis.Gateways;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways;
using MissionControl.Grains.Gateways.TemplateSync;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using Orleans;

namespace MissionControl.ApiGateway.Apis;

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
    /// Checks the gateway answers and is recent enough, registers it, then creates and provisions
    /// its main agent ("&lt;name&gt; Gateway Agent"). A failed check registers nothing.
    /// </summary>
    public static async Task<Ok<GatewayRead>> Create(
        GatewayCreate body, UserSession session, GatewayClients clients, IGrainFactory grains, AgentPlacement placement,
        TimeProvider clock, CancellationToken ct)
    {
        var admin = session.RequireAdmin();
        body.Validate();
        var gatewayId = Guid.NewGuid();
        var registration = new NewGateway(admin.OrganizationId, body.Name, body.Url.Trim(), body.WorkspaceRoot)
        {
            Token = Text.TrimToNull(body.Token),
            AllowInsecureTls = body.AllowInsecureTls,
            DisableDevicePairing = body.DisableDevicePairing,
        };
        // The domain's own verdict on the fields first, so a bad name is not met by a network round trip.
        GatewayDecider.Decide(null, GatewayRegistrations.ToCommand(gatewayId, registration, clock.GetUtcNow()));
        await clients.CheckCompatibilityAsync(GatewayRegistrations.ConnectionOf(gatewayId, registration), ct);

        var gateway = grains.GetGrain<IGatewayGrain>(gatewayId.ToString());
        await gateway.Register(registration);
        await placement.EnsureGatewayMainAsync(gatewayId);
        return TypedResults.Ok(GatewayRead.From(await gateway.Get()));
    }

    public static async Task<Ok<GatewayRead>> Get(Guid gatewayId, UserSession session, GatewayQueries gateways, CancellationToken ct) =>
        TypedResults.Ok(GatewayRead.From(await FindAsync(session, gatewayId, gateways, ct)));

    /// <summary>
    /// Changes the gateway. New connection settings (URL, token, TLS, pairing) are checked against
    /// the gateway before they are saved, and the main agent is then provisioned again over them.
    /// </summary>
    public static async Task<Ok<GatewayRead>> Update(
        Guid gatewayId, GatewayUpdate body, UserSession session, GatewayQueries gateways, GatewayClients clients,
        IGrainFactory grains, AgentPlacement placement, CancellationToken ct)
    {
        var before = await FindAsync(session, gatewayId, gateways, ct);
        body.Validate();
        var gateway = grains.GetGrain<IGatewayGrain>(gatewayId.ToString());
        var current = await gateway.GetConnection();
        var next = GatewayRegistrations.Apply(current, body);
        var reconnects = next != current;
        if (reconnects)
            await clients.CheckCompatibilityAsync(next, ct);

        var after = await gateway.Update(body.ToChanges() with { Url = body.Url?.Trim() });
        await GatewayMainAgent.FollowAsync(grains, placement, before, after, reconnects);
        return TypedResults.Ok(GatewayRead.From(await gateway.Get()));
    }

    /// <summary>
    /// Deletes the gateway, then its main agents (the one it names and any other made main). The
    /// gateway goes first, so the agents' own deletion finds no gateway to clean up: Mission
    /// Control forgets the gateway and leaves it as it is.
    /// </summary>
    public static async Task<Ok<OkResponse>> Delete(
        Guid gatewayId, UserSession session, GatewayQueries gateways, AgentQueries agents, IGrainFactory grains, CancellationToken ct)
    {
        var gateway = await FindAsync(session, gatewayId, gateways, ct);
        var mains = (await agents.OfGatewayAsync(gatewayId, ct)).Where(agent => agent.IsGatewayMain).Select(agent => agent.Id)
            .Concat(gateway.MainAgentId is { } named ? [named] : [])
            .Distinct()
            .ToList();
        await grains.GetGrain<IGatewayGrain>(gatewayId.ToString()).Delete();
        foreach (var mainAgentId in mains)
            await GatewayMainAgent.DeleteAsync(grains, mainAgentId);
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
