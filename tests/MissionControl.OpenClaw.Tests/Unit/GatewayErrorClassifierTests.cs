using System.Text.Json;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Tests.Unit;

public class GatewayErrorClassifierTests
{
    // Error objects exactly as the real gateway sends them.
    [Theory]
    [InlineData("""{"code":"FORBIDDEN","message":"missing scope: operator.read","details":{"code":"MISSING_SCOPE","missingScope":"operator.read"}}""", GatewayErrorKind.MissingScope, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"unauthorized: gateway token mismatch (provide gateway auth token)","details":{"code":"AUTH_TOKEN_MISMATCH"}}""", GatewayErrorKind.AuthenticationFailed, false)]
    [InlineData("""{"code":"NOT_PAIRED","message":"device identity required","details":{"code":"DEVICE_IDENTITY_REQUIRED"}}""", GatewayErrorKind.AuthenticationFailed, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"protocol mismatch","details":{"code":"PROTOCOL_MISMATCH","expectedProtocol":4}}""", GatewayErrorKind.ProtocolMismatch, false)]
    [InlineData("""{"code":"UNAVAILABLE","message":"rate limit exceeded for config.patch; retry after 60s","retryable":true,"retryAfterMs":59148}""", GatewayErrorKind.RateLimited, true)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"config changed since last load; re-run config.get and retry"}""", GatewayErrorKind.ConfigConflict, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"config base hash required for agents.entries.x.heartbeat.every; re-run config.get and retry with baseHash"}""", GatewayErrorKind.ConfigConflict, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"unsupported file \"HEARTBEAT.md\""}""", GatewayErrorKind.UnsupportedFile, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"agent \"race-a\" not found"}""", GatewayErrorKind.AgentNotFound, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"Agent \"ghost\" no longer exists in configuration"}""", GatewayErrorKind.AgentNotFound, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"No session found with label: X"}""", GatewayErrorKind.SessionNotFound, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"agent \"main\" already exists"}""", GatewayErrorKind.AlreadyExists, false)]
    [InlineData("""{"code":"UNAVAILABLE","message":"starting","retryable":true,"retryAfterMs":500,"details":{"reason":"startup-sidecars"}}""", GatewayErrorKind.Unavailable, true)]
    [InlineData("""{"code":"UNAVAILABLE","message":"PluginInstanceUnavailableError: Plugin openai was reloaded or disabled; use its current tools."}""", GatewayErrorKind.Reloading, true)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"invalid agents.files.list params: must have required property 'agentId'"}""", GatewayErrorKind.InvalidRequest, false)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"upstream connection reset by peer"}""", GatewayErrorKind.Unavailable, true)]
    [InlineData("""{"code":"INVALID_REQUEST","message":"unknown method: models.list"}""", GatewayErrorKind.UnknownMethod, false)]
    public void Error_frames_map_to_typed_kinds(string errorJson, GatewayErrorKind kind, bool transient)
    {
        var error = Classify(errorJson);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(transient, error.IsTransient);
        Assert.Equal("some.method", error.Method);
    }

    [Fact]
    public void Missing_scope_message_names_the_scope()
    {
        var error = Classify("""{"code":"FORBIDDEN","message":"missing scope: operator.admin","details":{"code":"MISSING_SCOPE","missingScope":"operator.admin"}}""");

        Assert.Equal("operator.admin", error.MissingScope);
        Assert.StartsWith("Gateway token is missing required scope `operator.admin`.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_scope_without_details_takes_the_scope_from_the_message()
    {
        Assert.Equal("operator.write", Classify("""{"code":"FORBIDDEN","message":"missing scope: operator.write"}""").MissingScope);
    }

    [Fact]
    public void Retry_after_is_kept()
    {
        var error = Classify("""{"code":"UNAVAILABLE","message":"rate limit exceeded for config.patch; retry after 60s","retryable":true,"retryAfterMs":59148}""");

        Assert.Equal(TimeSpan.FromMilliseconds(59148), error.RetryAfter);
    }

    [Theory]
    [InlineData("Connection refused", true)]
    [InlineData("websocket upgrade rejected with http 503", true)]
    [InlineData("server returned 503 during websocket handshake", true)]
    [InlineData("gateway connection closed (received 1012): service restart", true)]
    [InlineData("request timed out", true)]
    [InlineData("unsupported file \"TOOLS.md\" timed out", false)]
    [InlineData("invalid params", false)]
    [InlineData("", false)]
    public void Transient_markers_follow_the_spec_lists(string message, bool transient) =>
        Assert.Equal(transient, TransientMarkers.IsTransientMessage(message));

    private static GatewayException Classify(string errorJson)
    {
        using var document = JsonDocument.Parse(errorJson);
        return GatewayErrorClassifier.FromErrorFrame("some.method", GatewayErrorFrame.Parse(document.RootElement.Clone()));
    }
}
