using System.Text.Json.Nodes;

namespace MissionControl.OpenClaw.Heartbeats;

/// <summary>Active hours during which heartbeats run.</summary>
/// <param name="Start">Start time, e.g. <c>08:00</c>.</param>
/// <param name="End">End time, e.g. <c>20:00</c>.</param>
/// <param name="Timezone">IANA time zone; null for the gateway's.</param>
public sealed record HeartbeatActiveHours(string Start, string End, string? Timezone = null);

/// <summary>
/// Heartbeat settings of one agent, in the gateway's config vocabulary. Null members are not
/// written, and any key previously set on the gateway but null here is removed.
/// </summary>
public sealed record HeartbeatSettings
{
    /// <summary>Interval such as <c>10m</c>; <c>0m</c> disables heartbeats.</summary>
    public required string Every { get; init; }

    /// <summary><c>owner</c>, <c>last</c>, <c>none</c> or a channel id.</summary>
    public string? Target { get; init; }

    /// <summary>Prompt override.</summary>
    public string? Prompt { get; init; }

    /// <summary>Model override.</summary>
    public string? Model { get; init; }

    /// <summary>Session the heartbeat runs in.</summary>
    public string? Session { get; init; }

    /// <summary><c>allow</c> or <c>block</c>.</summary>
    public string? DirectPolicy { get; init; }

    /// <summary>Delivery recipient.</summary>
    public string? To { get; init; }

    /// <summary>Delivery account.</summary>
    public string? AccountId { get; init; }

    /// <summary>Per-run timeout.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Run with a light context.</summary>
    public bool? LightContext { get; init; }

    /// <summary>Run in an isolated session.</summary>
    public bool? IsolatedSession { get; init; }

    /// <summary>Active hours window.</summary>
    public HeartbeatActiveHours? ActiveHours { get; init; }

    /// <summary>The config object for this heartbeat, with only the members that are set.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["every"] = Every };
        AddIfSet(json, "target", Target);
        AddIfSet(json, "prompt", Prompt);
        AddIfSet(json, "model", Model);
        AddIfSet(json, "session", Session);
        AddIfSet(json, "directPolicy", DirectPolicy);
        AddIfSet(json, "to", To);
        AddIfSet(json, "accountId", AccountId);
        if (TimeoutSeconds is { } timeout)
            json["timeoutSeconds"] = timeout;
        if (LightContext is { } light)
            json["lightContext"] = light;
        if (IsolatedSession is { } isolated)
            json["isolatedSession"] = isolated;
        if (ActiveHours is { } hours)
            json["activeHours"] = ActiveHoursJson(hours);
        return json;
    }

    private static JsonObject ActiveHoursJson(HeartbeatActiveHours hours)
    {
        var json = new JsonObject { ["start"] = hours.Start, ["end"] = hours.End };
        AddIfSet(json, "timezone", hours.Timezone);
        return json;
    }

    private static void AddIfSet(JsonObject json, string name, string? value)
    {
        if (value is not null)
            json[name] = value;
    }
}

/// <summary>One agent's entry in a heartbeat batch.</summary>
/// <param name="AgentId">Gateway agent id.</param>
/// <param name="Heartbeat">Desired settings (replace whatever the agent had).</param>
/// <param name="Workspace">Workspace path to record alongside, or null to leave it alone.</param>
/// <param name="Name">Display name to record alongside (a new agent is created under its id), or null to leave it alone.</param>
public sealed record AgentHeartbeat(string AgentId, HeartbeatSettings Heartbeat, string? Workspace = null, string? Name = null);

/// <summary>Outcome of one batched heartbeat round.</summary>
/// <param name="Patched">False when the config already matched and no <c>config.patch</c> was sent.</param>
/// <param name="Hash">Config hash after the round (null for a gateway no-op).</param>
/// <param name="ChangedPaths">Paths the gateway reported as changed.</param>
/// <param name="Rounds">config.get + config.patch rounds it took (more than 1 after conflicts or retries).</param>
public sealed record HeartbeatPatchResult(bool Patched, string? Hash, IReadOnlyList<string> ChangedPaths, int Rounds);
