using MissionControl.OpenClaw.Heartbeats;

namespace MissionControl.OpenClaw.Operations;

/// <summary>
/// The gateway operations provisioning needs. Each call is one resilient operation: transient
/// failures are retried inside the operation kind's budget, other failures surface as
/// <see cref="Errors.GatewayException"/> with a typed <see cref="Errors.GatewayErrorKind"/>.
/// </summary>
public interface IGatewayControlPlane
{
    /// <summary>Creates the session if missing and sets its label (labels are unique per agent).</summary>
    Task EnsureSessionAsync(string sessionKey, string? label = null, CancellationToken cancellationToken = default);

    /// <summary>Resets the session's transcript in place (unknown keys are created).</summary>
    Task ResetSessionAsync(string sessionKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes a session; false when there was none.</summary>
    Task<bool> DeleteSessionAsync(string sessionKey, CancellationToken cancellationToken = default);

    /// <summary>The gateway's sessions (<c>sessions.list</c>), each as the gateway describes it.</summary>
    Task<IReadOnlyList<System.Text.Json.JsonElement>> ListSessionsAsync(CancellationToken cancellationToken = default);

    /// <summary>A session's transcript (<c>chat.history</c>), oldest first; <paramref name="limit"/> null takes the gateway's default.</summary>
    Task<IReadOnlyList<System.Text.Json.JsonElement>> GetChatHistoryAsync(string sessionKey, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the gateway's agents.</summary>
    Task<IReadOnlyList<GatewayAgent>> ListAgentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the agent with the target id if missing, then sets its display name; waits until it is visible.</summary>
    Task UpsertAgentAsync(AgentRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the agent exist and waits until the gateway serves it; returns its workspace files.
    /// A new agent is created under its id and nothing more: its display name arrives with the
    /// config patch that carries its heartbeat (<see cref="AgentHeartbeat.Name"/>), which saves
    /// the gateway a second config write per agent. An existing one is upserted as by
    /// <see cref="UpsertAgentAsync"/>, so a changed workspace is in place before files are written.
    /// </summary>
    Task<IReadOnlyDictionary<string, AgentFileInfo>> RegisterAgentAsync(AgentRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Deletes an agent; its workspace goes to trash unless <paramref name="deleteFiles"/> is false. False when the agent did not exist.</summary>
    Task<bool> DeleteAgentAsync(string agentId, bool deleteFiles = true, CancellationToken cancellationToken = default);

    /// <summary>Workspace file names the gateway accepts (asked once per connection every few minutes).</summary>
    Task<IReadOnlySet<string>> ListSupportedFilesAsync(CancellationToken cancellationToken = default);

    /// <summary>An agent's workspace files by name.</summary>
    Task<IReadOnlyDictionary<string, AgentFileInfo>> ListAgentFilesAsync(string agentId, CancellationToken cancellationToken = default);

    /// <summary>Reads one workspace file.</summary>
    Task<AgentFile> GetAgentFileAsync(string agentId, string name, CancellationToken cancellationToken = default);

    /// <summary>Writes one workspace file; with <paramref name="expectedHash"/> the write fails on a concurrent change.</summary>
    Task<AgentFile> SetAgentFileAsync(string agentId, string name, string content, string? expectedHash = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the config document and its hash.</summary>
    Task<GatewayConfigSnapshot> GetConfigAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies a batch of heartbeat settings in one config.get + config.patch round.</summary>
    Task<HeartbeatPatchResult> PatchHeartbeatsAsync(IReadOnlyCollection<AgentHeartbeat> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the gateway lists any model an agent could run on (<c>models.list</c>), asked once
    /// per connection a minute. True when the gateway does not know the method; any other failure
    /// is thrown and not remembered (a gateway just started says its catalog is not ready yet).
    /// </summary>
    Task<bool> ListsAnyModelAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends a chat message; the same idempotency key makes a retry safe.</summary>
    Task<ChatSendResult> SendChatAsync(string sessionKey, string message, string? idempotencyKey = null, bool? deliver = null, CancellationToken cancellationToken = default);

    /// <summary>Gateway health.</summary>
    Task<GatewayHealth> HealthAsync(CancellationToken cancellationToken = default);
}
