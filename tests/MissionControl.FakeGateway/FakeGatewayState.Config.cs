using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MissionControl.OpenClaw.Heartbeats;

namespace MissionControl.Fakes;

public sealed partial class FakeGatewayState
{
    private static readonly HashSet<string> HeartbeatKeys =
        ["every", "activeHours", "model", "session", "target", "directPolicy", "to", "accountId", "prompt", "timeoutSeconds", "lightContext", "isolatedSession"];

    private readonly JsonObject _config = [];
    private bool _configExists;

    /// <summary>Emulate an older gateway whose config keeps agents in an <c>agents.list</c> array.</summary>
    public bool LegacyListShape { get; init; }

    /// <summary>Number of config.patch calls received (including rejected ones).</summary>
    public int ConfigPatchCalls => Volatile.Read(ref _configPatchCalls);

    /// <summary>Number of config.patch calls that changed the config.</summary>
    public int ConfigWrites { get; private set; }

    private int _configPatchCalls;

    /// <summary>A copy of the authored config.</summary>
    public JsonObject ConfigSnapshot()
    {
        lock (_gate)
            return _config.DeepClone().AsObject();
    }

    /// <summary>Writes to the config as another client would (changes the hash).</summary>
    public void WriteConfig(Action<JsonObject> change)
    {
        lock (_gate)
        {
            change(_config);
            _configExists = true;
        }
    }

    private string ConfigHash() =>
        "fake-sha256:v1:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_config.ToJsonString())));

    private FakeReply ConfigGet() => FakeReply.Ok(new JsonObject
    {
        ["path"] = "/fake/openclaw.json",
        ["exists"] = _configExists,
        ["raw"] = _configExists ? _config.ToJsonString() : null,
        ["parsed"] = _config.DeepClone(),
        ["config"] = EffectiveConfig(),
        ["hash"] = ConfigHash(),
        ["valid"] = true,
        ["extraFieldTheClientMustIgnore"] = 1,
    });

    private JsonObject EffectiveConfig()
    {
        var effective = _config.DeepClone().AsObject();
        if (effective["agents"] is not JsonObject agents)
            effective["agents"] = agents = [];
        agents["defaults"] = new JsonObject { ["maxConcurrent"] = 8 };
        return effective;
    }

    private FakeReply ConfigPatch(JsonObject parameters)
    {
        Interlocked.Increment(ref _configPatchCalls);
        if (_faults.TakeRateLimit())
        {
            return FakeReply.Fail("UNAVAILABLE", "rate limit exceeded for config.patch; retry after 60s",
                new JsonObject { ["method"] = "config.patch", ["limit"] = "30 per 60s" }, retryable: true, retryAfterMs: _faults.RateLimitRetryAfterMs);
        }

        _faults.BeforeConfigPatch?.Invoke(this);
        var baseHash = (string?)parameters["baseHash"];
        if (_faults.TakeStaleHash() || (baseHash is not null && baseHash != ConfigHash()))
            return FakeReply.Invalid("config changed since last load; re-run config.get and retry");
        if (baseHash is null && _configExists)
            return FakeReply.Invalid("config base hash required for agents; re-run config.get and retry with baseHash");

        JsonObject patch;
        try
        {
            patch = JsonNode.Parse((string)parameters["raw"]!)!.AsObject();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return FakeReply.Invalid($"SyntaxError: JSON5: {ex.Message}");
        }

        if (ValidatePatch(patch) is { } problem)
            return FakeReply.Invalid($"invalid config: {problem}");
        var before = _config.ToJsonString();
        JsonMergePatch.Apply(_config, patch);
        if (before == _config.ToJsonString())
            return FakeReply.Ok(new JsonObject { ["ok"] = true, ["noop"] = true, ["changedPaths"] = new JsonArray() });
        _configExists = true;
        ConfigWrites++;
        return FakeReply.Ok(new JsonObject
        {
            ["ok"] = true,
            ["hash"] = ConfigHash(),
            ["changedPaths"] = new JsonArray(patch.Select(pair => (JsonNode?)JsonValue.Create(pair.Key)).ToArray()),
        });
    }

    private string? ValidatePatch(JsonObject patch)
    {
        if (patch["agents"] is JsonObject agents)
        {
            if (!LegacyListShape && agents.ContainsKey("list"))
                return "agents: Unrecognized key: \"list\"";
            foreach (var (id, entry) in agents["entries"] as JsonObject ?? [])
            {
                if (entry?["heartbeat"] is JsonObject heartbeat && heartbeat.Select(p => p.Key).FirstOrDefault(k => !HeartbeatKeys.Contains(k)) is { } bad)
                    return $"agents.entries.{id}.heartbeat: Unrecognized key: \"{bad}\"";
            }
        }

        if (!LegacyListShape && patch["channels"]?["defaults"] is JsonObject defaults && defaults.ContainsKey("heartbeat"))
            return "channels.defaults: Unrecognized key: \"heartbeat\"";
        return null;
    }

    private void AddAgentToConfig(string id, string name, string workspace)
    {
        if (_config["agents"] is not JsonObject agents)
            _config["agents"] = agents = [];
        if (LegacyListShape)
        {
            if (agents["list"] is not JsonArray list)
                agents["list"] = list = [];
            list.Add(new JsonObject { ["id"] = id, ["name"] = name, ["workspace"] = workspace });
        }
        else
        {
            if (agents["entries"] is not JsonObject entries)
                agents["entries"] = entries = [];
            entries[id] = new JsonObject { ["name"] = name, ["workspace"] = workspace };
        }

        _configExists = true;
    }

    private void RemoveAgentFromConfig(string id)
    {
        if (_config["agents"]?["entries"] is JsonObject entries)
            entries.Remove(id);
        if (_config["agents"]?["list"] is JsonArray list && list.FirstOrDefault(e => (string?)e?["id"] == id) is { } item)
            list.Remove(item);
    }

    private JsonObject? HeartbeatOf(string agentId) => ConfigEntryOf(agentId)?["heartbeat"] as JsonObject;

    // Like the real gateway, the roster's names and workspaces are what the config says, so a
    // config.patch that renames an agent shows in agents.list.
    private JsonObject? ConfigEntryOf(string agentId) =>
        LegacyListShape
            ? (_config["agents"]?["list"] as JsonArray)?.FirstOrDefault(e => (string?)e?["id"] == agentId) as JsonObject
            : _config["agents"]?["entries"]?[agentId] as JsonObject;
}
