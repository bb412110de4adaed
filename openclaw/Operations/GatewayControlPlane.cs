using System.Text.Json;
using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Protocol;
using MissionControl.OpenClaw.Resilience;

namespace MissionControl.OpenClaw.Operations;

/// <summary><see cref="IGatewayControlPlane"/> over the gateway's WebSocket RPC.</summary>
public sealed partial class GatewayControlPlane : IGatewayControlPlane
{
    // A gateway gets its first model (or loses its last) by an operator's hand, rarely; a minute
    // is soon enough for wake-ups to follow.
    private static readonly RememberedPerConnection<bool> ModelsListed = new(TimeSpan.FromMinutes(1));

    private readonly IGatewayRpc _rpc;
    private readonly GatewayResilience _resilience;
    private readonly GatewayOperationKind _kind;
    private readonly HeartbeatConfigPatcher _heartbeats;

    /// <summary>Creates a control plane whose operations run under <paramref name="kind"/>'s budget.</summary>
    public GatewayControlPlane(IGatewayRpc rpc, GatewayResilience resilience, GatewayOperationKind kind = GatewayOperationKind.Interactive)
    {
        _rpc = rpc;
        _resilience = resilience;
        _kind = kind;
        _heartbeats = new HeartbeatConfigPatcher(rpc, resilience, kind);
    }

    /// <summary>
    /// How long a freshly created agent may stay invisible before we give up waiting. The gateway
    /// reloads its config about a quarter second after a write when idle, and seconds later in a
    /// burst of creations.
    /// </summary>
    public TimeSpan AgentVisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The same gateway, with another operation kind's budget.</summary>
    public GatewayControlPlane WithOperationKind(GatewayOperationKind kind) =>
        new(_rpc, _resilience, kind) { AgentVisibilityTimeout = AgentVisibilityTimeout };

    /// <inheritdoc />
    public Task EnsureSessionAsync(string sessionKey, string? label = null, CancellationToken cancellationToken = default) =>
        Run("sessions.patch", new SessionsPatchParams(Required(sessionKey), label), cancellationToken);

    /// <inheritdoc />
    public Task ResetSessionAsync(string sessionKey, CancellationToken cancellationToken = default) =>
        Run("sessions.reset", new SessionKeyParams(Required(sessionKey)), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> DeleteSessionAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        try
        {
            var payload = await Run("sessions.delete", new SessionsDeleteParams(Required(sessionKey), null), cancellationToken);
            return JsonRead.Bool(payload, "deleted") ?? true;
        }
        catch (GatewayException ex) when (ex.Kind == GatewayErrorKind.SessionNotFound)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GatewayAgent>> ListAgentsAsync(CancellationToken cancellationToken = default) =>
        PayloadReaders.Agents(await Run("agents.list", null, cancellationToken));

    /// <inheritdoc />
    public async Task<bool> DeleteAgentAsync(string agentId, bool deleteFiles = true, CancellationToken cancellationToken = default)
    {
        try
        {
            // deleteFiles is always sent: the gateway's own default is to trash the workspace.
            // A config write: it waits its turn on the connection, and the wait is not charged to
            // the retry budget (as for creations and heartbeat rounds).
            await ConfigWrites.OneAtATimeAsync(_rpc, () => _resilience.ExecuteAsync(_kind,
                token => _rpc.CallAsync("agents.delete", new AgentsDeleteParams(Required(agentId), deleteFiles), cancellationToken: token),
                cancellationToken), cancellationToken);
            return true;
        }
        catch (GatewayException ex) when (ex.Kind == GatewayErrorKind.AgentNotFound)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, AgentFileInfo>> ListAgentFilesAsync(string agentId, CancellationToken cancellationToken = default) =>
        PayloadReaders.Files(await Run("agents.files.list", new AgentIdParams(Required(agentId)), cancellationToken));

    /// <inheritdoc />
    public async Task<AgentFile> GetAgentFileAsync(string agentId, string name, CancellationToken cancellationToken = default) =>
        PayloadReaders.File(await Run("agents.files.get", new AgentFileParams(Required(agentId), Required(name)), cancellationToken), name);

    /// <inheritdoc />
    public async Task<AgentFile> SetAgentFileAsync(string agentId, string name, string content, string? expectedHash = null, CancellationToken cancellationToken = default) =>
        PayloadReaders.File(
            await Run("agents.files.set", new AgentFileSetParams(Required(agentId), Required(name), content, expectedHash), cancellationToken),
            name);

    /// <inheritdoc />
    public async Task<GatewayConfigSnapshot> GetConfigAsync(CancellationToken cancellationToken = default) =>
        PayloadReaders.Config(await Run("config.get", null, cancellationToken));

    /// <inheritdoc />
    public Task<HeartbeatPatchResult> PatchHeartbeatsAsync(IReadOnlyCollection<AgentHeartbeat> batch, CancellationToken cancellationToken = default) =>
        _heartbeats.ApplyAsync(batch, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ListsAnyModelAsync(CancellationToken cancellationToken = default) =>
        ModelsListed.GetAsync(_rpc, async () =>
        {
            try
            {
                return PayloadReaders.Objects(await Run("models.list", null, CancellationToken.None), "models").Count > 0;
            }
            catch (GatewayException ex) when (ex.Kind == GatewayErrorKind.UnknownMethod)
            {
                return true; // a gateway without the method: nothing says its agents cannot run
            }
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<ChatSendResult> SendChatAsync(string sessionKey, string message, string? idempotencyKey = null, bool? deliver = null, CancellationToken cancellationToken = default)
    {
        // Fixed before the first attempt so every retry replays the same run instead of starting another.
        var key = idempotencyKey ?? $"mc-{Guid.NewGuid():N}";
        var payload = await Run("chat.send", new ChatSendParams(Required(sessionKey), message, key, deliver), cancellationToken);
        return new ChatSendResult(JsonRead.String(payload, "runId") ?? key, JsonRead.String(payload, "status"));
    }

    /// <inheritdoc />
    public async Task<GatewayHealth> HealthAsync(CancellationToken cancellationToken = default) =>
        PayloadReaders.Health(await Run("health", null, cancellationToken));

    private Task<JsonElement> Run(string method, object? parameters, CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(_kind, token => _rpc.CallAsync(method, parameters, cancellationToken: token), cancellationToken);

    private static string Required(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}
