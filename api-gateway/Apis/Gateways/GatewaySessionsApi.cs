using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Authentication;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.Lifecycle;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Operations;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>
/// A look into a gateway's sessions, reached through one of the organization's boards
/// (<c>/api/v1/gateways/status</c>, <c>/sessions…</c>, <c>/commands</c>). Owners and admins only;
/// reading needs read access to the board, sending a message write access.
/// </summary>
public static class GatewaySessionsApi
{
    public const string BoardOrUrlRequired = "board_id or gateway_url is required";
    public const string SessionNotFound = "Session not found";

    public static IEndpointRouteBuilder MapGatewaySessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/gateways").RequireUser().WithTags("gateways");
        api.MapGet("/status", Status).WithName("GatewaysStatus");
        api.MapGet("/sessions", ListSessions).WithName("ListGatewaySessions");
        api.MapGet("/sessions/{sessionId}", GetSession).WithName("GetGatewaySession");
        api.MapGet("/sessions/{sessionId}/history", History).WithName("GetGatewaySessionHistory");
        api.MapPost("/sessions/{sessionId}/message", SendMessage).WithName("SendGatewaySessionMessage");
        api.MapGet("/commands", Commands).WithName("GatewayCommands");
        return app;
    }

    /// <summary>
    /// Whether a gateway answers, and its sessions: the gateway of a board, or one given by URL
    /// (and token) that need not be registered. Failing to reach it is reported in the body.
    /// </summary>
    public static async Task<Ok<GatewaysStatus>> Status(
        UserSession session, BoardGuard guard, GatewayQueries gateways, GatewayClients clients, CancellationToken ct,
        [FromQuery(Name = "board_id")] Guid? boardId = null,
        [FromQuery(Name = "gateway_url")] string? gatewayUrl = null,
        [FromQuery(Name = "gateway_token")] string? gatewayToken = null,
        [FromQuery(Name = "gateway_disable_device_pairing")] bool? disableDevicePairing = null,
        [FromQuery(Name = "gateway_allow_insecure_tls")] bool? allowInsecureTls = null)
    {
        session.RequireAdmin();
        if (Text.TrimToNull(gatewayUrl) is { } url)
        {
            var settings = new GatewayConnectionDetails(
                Guid.Empty, url, Text.TrimToNull(gatewayToken), allowInsecureTls ?? false, disableDevicePairing ?? false, "/");
            return TypedResults.Ok(await AdHocStatusAsync(clients, settings, ct));
        }

        var board = await RequireBoardAsync(session, guard, boardId, write: false, ct);
        var gatewayUrlShown = (await gateways.GetAsync(board.GatewayId, ct))?.Url ?? "";
        try
        {
            var sessions = await (await clients.OfAsync(board.GatewayId, ct)).ListSessionsAsync(ct);
            var main = MainSessionOf(sessions, board.GatewayId);
            return TypedResults.Ok(new GatewaysStatus(true, gatewayUrlShown, sessions.Count, sessions, main, main is null ? SessionNotFound : null, null));
        }
        catch (GatewayException ex)
        {
            return TypedResults.Ok(GatewaysStatus.Unreachable(gatewayUrlShown, ex.Message));
        }
    }

    public static async Task<Ok<GatewaySessions>> ListSessions(
        UserSession session, BoardGuard guard, GatewayClients clients, CancellationToken ct,
        [FromQuery(Name = "board_id")] Guid? boardId = null)
    {
        var board = await RequireBoardAsync(session, guard, boardId, write: false, ct);
        var sessions = await CallAsync(clients, board, (control, token) => control.ListSessionsAsync(token), ct);
        return TypedResults.Ok(new GatewaySessions(sessions, MainSessionOf(sessions, board.GatewayId)));
    }

    public static async Task<Ok<GatewaySession>> GetSession(
        string sessionId, UserSession session, BoardGuard guard, GatewayClients clients, CancellationToken ct,
        [FromQuery(Name = "board_id")] Guid? boardId = null)
    {
        var board = await RequireBoardAsync(session, guard, boardId, write: false, ct);
        var sessions = await CallAsync(clients, board, (control, token) => control.ListSessionsAsync(token), ct);
        var found = sessions.Where(entry => KeyOf(entry) == sessionId).Select(entry => (JsonElement?)entry).FirstOrDefault();
        return found is { } entry ? TypedResults.Ok(new GatewaySession(entry)) : throw DomainError.NotFound(SessionNotFound);
    }

    public static async Task<Ok<GatewaySessionHistory>> History(
        string sessionId, UserSession session, BoardGuard guard, GatewayClients clients, CancellationToken ct,
        [FromQuery(Name = "board_id")] Guid? boardId = null)
    {
        var board = await RequireBoardAsync(session, guard, boardId, write: false, ct);
        var history = await CallAsync(clients, board, (control, token) => control.GetChatHistoryAsync(sessionId, cancellationToken: token), ct);
        return TypedResults.Ok(new GatewaySessionHistory(history));
    }

    /// <summary>Sends <c>content</c> into the session as a chat message (needs write access to the board).</summary>
    public static async Task<Ok<OkResponse>> SendMessage(
        string sessionId, GatewaySessionMessage body, UserSession session, BoardGuard guard, GatewayClients clients, CancellationToken ct,
        [FromQuery(Name = "board_id")] Guid? boardId = null)
    {
        var board = await RequireBoardAsync(session, guard, boardId, write: true, ct);
        RequireAgentSessionKey(sessionId);
        if (Text.TrimToNull(body.Content) is null)
            throw DomainError.Validation("content is required");
        await CallAsync(clients, board, (control, token) => control.SendChatAsync(sessionId, body.Content, cancellationToken: token), ct);
        return TypedResults.Ok(OkResponse.Instance);
    }

    /// <summary>The protocol version, methods and events the gateway client speaks.</summary>
    public static Ok<GatewayCommands> Commands(UserSession session)
    {
        session.RequireAdmin();
        return TypedResults.Ok(GatewayProtocolSurface.Commands);
    }

    // Settings that are not saved get a connection of their own (their id, all zeros, keys one shared device identity).
    private static async Task<GatewaysStatus> AdHocStatusAsync(GatewayClients clients, GatewayConnectionDetails settings, CancellationToken ct)
    {
        if (!GatewayCompatibility.IsGatewayUrl(settings.Url))
            return GatewaysStatus.Unreachable(settings.Url, GatewayCompatibility.InvalidUrl);
        try
        {
            var sessions = await clients.OneOffAsync(settings, control => control.ListSessionsAsync(ct));
            return new GatewaysStatus(true, settings.Url, sessions.Count, sessions, null, null, null);
        }
        catch (GatewayException ex)
        {
            return GatewaysStatus.Unreachable(settings.Url, ex.Message);
        }
    }

    /// <summary>An admin's board (read or write access as asked); <c>board_id</c> is required.</summary>
    private static Task<BoardRow> RequireBoardAsync(UserSession session, BoardGuard guard, Guid? boardId, bool write, CancellationToken ct)
    {
        session.RequireAdmin();
        return boardId is { } id ? guard.ForUserAsync(session, id, write, ct) : throw DomainError.Validation(BoardOrUrlRequired);
    }

    /// <summary>Runs a call on the board's gateway; a gateway failure is a 502 with the gateway's message.</summary>
    private static async Task<T> CallAsync<T>(
        GatewayClients clients, BoardRow board, Func<IGatewayControlPlane, CancellationToken, Task<T>> call, CancellationToken ct) =>
        await call(await clients.OfAsync(board.GatewayId, ct), ct);

    // A message goes to an agent's session by its full key. Bare keys would reach the gateway's
    // default agent, which is never what a board's operator means, so they are refused.
    private static void RequireAgentSessionKey(string sessionId)
    {
        var parts = sessionId.Split(':');
        var wellFormed = parts.Length >= 3 && parts[0] == "agent" && parts.Skip(1).All(part => part.Length > 0)
            && sessionId.Length <= FieldLimits.Name && sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.');
        if (!wellFormed)
            throw DomainError.Validation("session_id must be an agent session key (agent:<agent id>:<name>)");
    }

    private static JsonElement? MainSessionOf(IReadOnlyList<JsonElement> sessions, Guid gatewayId)
    {
        var key = SessionKeys.ForGatewayMain(gatewayId);
        return sessions.Where(entry => KeyOf(entry) == key).Select(entry => (JsonElement?)entry).FirstOrDefault();
    }

    private static string? KeyOf(JsonElement session) =>
        session.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
}
