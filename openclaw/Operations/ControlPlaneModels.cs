using System.Text.Json;
using System.Text.Json.Nodes;

namespace MissionControl.OpenClaw.Operations;

/// <summary>Desired identity of an agent on a gateway.</summary>
/// <param name="AgentId">Target id; must already be in the gateway's id form (lowercase a-z, 0-9, dashes; at most 64).</param>
/// <param name="DisplayName">Human-facing name set after creation.</param>
/// <param name="Workspace">Workspace path on the gateway host; null keeps the gateway's default.</param>
public sealed record AgentRegistration(string AgentId, string DisplayName, string? Workspace = null);

/// <summary>An agent as listed by <c>agents.list</c>.</summary>
/// <param name="Id">Agent id.</param>
/// <param name="Name">Display name, when set.</param>
/// <param name="Workspace">Workspace path.</param>
public sealed record GatewayAgent(string Id, string? Name, string? Workspace);

/// <summary>One entry of <c>agents.files.list</c>.</summary>
/// <param name="Name">File name, e.g. <c>SOUL.md</c>.</param>
/// <param name="Missing">True when the file does not exist yet.</param>
/// <param name="Size">Size in bytes, when present.</param>
/// <param name="Path">Absolute path on the gateway host.</param>
public sealed record AgentFileInfo(string Name, bool Missing, long? Size, string? Path);

/// <summary>A workspace file with its content, from <c>agents.files.get</c> or <c>set</c>.</summary>
/// <param name="Name">File name.</param>
/// <param name="Missing">True when the file does not exist (no content then).</param>
/// <param name="Content">Text content.</param>
/// <param name="Hash">SHA-256 hex of the content, usable as <c>expectedHash</c>.</param>
public sealed record AgentFile(string Name, bool Missing, string? Content, string? Hash);

/// <summary>Result of <c>config.get</c>.</summary>
/// <param name="Hash">Opaque hash to pass as <c>baseHash</c>.</param>
/// <param name="Parsed">The authored config (what patches apply to).</param>
/// <param name="Effective">The effective config including defaults.</param>
/// <param name="Exists">False while no config file has been written.</param>
public sealed record GatewayConfigSnapshot(string? Hash, JsonObject Parsed, JsonObject Effective, bool Exists);

/// <summary>Acknowledgement of <c>chat.send</c>: admitted, not answered.</summary>
/// <param name="RunId">Run id (equals the idempotency key).</param>
/// <param name="Status"><c>started</c>, <c>in_flight</c>, ...</param>
public sealed record ChatSendResult(string RunId, string? Status);

/// <summary>Heartbeat state of one agent as reported by <c>health</c>.</summary>
/// <param name="AgentId">Agent id.</param>
/// <param name="Enabled">Whether heartbeats run.</param>
/// <param name="Every">Interval text such as <c>45m</c>, or <c>disabled</c>.</param>
public sealed record AgentHeartbeatStatus(string AgentId, bool Enabled, string? Every);

/// <summary>Result of <c>health</c>.</summary>
/// <param name="Ok">The gateway's own verdict.</param>
/// <param name="DefaultAgentId">Default agent id.</param>
/// <param name="Agents">Per-agent heartbeat state.</param>
/// <param name="Raw">The full payload for anything not modelled here.</param>
public sealed record GatewayHealth(bool Ok, string? DefaultAgentId, IReadOnlyList<AgentHeartbeatStatus> Agents, JsonElement Raw);
