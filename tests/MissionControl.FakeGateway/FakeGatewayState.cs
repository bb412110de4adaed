using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MissionControl.Fakes;

/// <summary>The fake gateway's agents, files, sessions and config, with the real gateway's rules and messages.</summary>
public sealed partial class FakeGatewayState
{
    private static readonly string[] AllowedFiles = ["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "BOOTSTRAP.md", "MEMORY.md"];
    private static readonly string[] ListedFiles = ["AGENTS.md", "SOUL.md", "USER.md", "BOOTSTRAP.md", "MEMORY.md"];

    private readonly object _gate = new();
    private readonly FakeGatewayFaults _faults;
    private readonly Dictionary<string, FakeAgent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _runs = new(StringComparer.Ordinal);
    private readonly List<FakeChat> _chats = [];

    public FakeGatewayState(FakeGatewayFaults faults)
    {
        _faults = faults;
        _agents["main"] = new FakeAgent("main", null, "/fake/workspace", DateTimeOffset.MinValue);
    }

    /// <summary>Calls received per method.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    /// <summary>Whether <c>models.list</c> lists a model (a real gateway lists none until a provider is set up).</summary>
    public bool HasModels { get; set; } = true;

    /// <summary>The <c>deleteFiles</c> value of the last agents.delete (null when not sent).</summary>
    public bool? LastDeleteFiles { get; private set; }

    public bool HasAgent(string id)
    {
        lock (_gate)
            return _agents.ContainsKey(id);
    }

    public string? AgentName(string id)
    {
        lock (_gate)
            return _agents.TryGetValue(id, out var agent) ? (string?)ConfigEntryOf(id)?["name"] ?? agent.Name : null;
    }

    /// <summary>Chat messages admitted (a repeated idempotency key is not counted twice).</summary>
    public IReadOnlyList<FakeChat> Chats
    {
        get
        {
            lock (_gate)
                return _chats.ToList();
        }
    }

    /// <summary>An agent's workspace files by name; empty when the agent does not exist.</summary>
    public IReadOnlyDictionary<string, string> FilesOf(string agentId)
    {
        lock (_gate)
            return _agents.TryGetValue(agentId, out var agent) ? new Dictionary<string, string>(agent.Files) : new Dictionary<string, string>();
    }

    /// <summary>Writes a file as the agent itself would, bypassing the accepted-file rules.</summary>
    public void WriteFileAsAgent(string agentId, string name, string content)
    {
        lock (_gate)
            _agents[agentId].Files[name] = content;
    }

    public bool HasSession(string key)
    {
        lock (_gate)
            return _sessions.ContainsKey(key);
    }

    internal FakeReply Handle(string method, JsonObject p)
    {
        Calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        lock (_gate)
        {
            return method switch
            {
                "health" => Health(),
                "agents.list" => AgentsList(),
                "agents.create" => AgentsCreate((string)p["name"]!, (string?)p["workspace"]),
                "agents.update" => WithAgent((string)p["agentId"]!, agent => AgentsUpdate(agent, (string?)p["name"], (string?)p["workspace"])),
                "agents.delete" => AgentsDelete((string)p["agentId"]!, (bool?)p["deleteFiles"]),
                "agents.files.list" => WithAgent((string)p["agentId"]!, FilesList),
                "agents.files.get" => WithAgent((string)p["agentId"]!, agent => FileGet(agent, (string)p["name"]!)),
                "agents.files.set" => WithAgent((string)p["agentId"]!, agent => FileSet(agent, (string)p["name"]!, (string)p["content"]!, (string?)p["expectedHash"])),
                "config.get" => ConfigGet(),
                "models.list" => ModelsList(),
                "config.patch" => ConfigPatch(p),
                "sessions.patch" => SessionsPatch((string)p["key"]!, p.ContainsKey("label"), (string?)p["label"]),
                "sessions.reset" => SessionsReset((string)p["key"]!),
                "sessions.delete" => SessionsDelete((string)p["key"]!),
                "sessions.list" => SessionsList(),
                "chat.history" => ChatHistory((string)p["sessionKey"]!, (int?)p["limit"]),
                "chat.send" => ChatSend((string)p["sessionKey"]!, (string?)p["message"] ?? "", (string)p["idempotencyKey"]!),
                _ => FakeReply.Invalid($"unknown method: {method}"),
            };
        }
    }

    private FakeReply ModelsList() => FakeReply.Ok(new JsonObject
    {
        ["models"] = HasModels ? new JsonArray(new JsonObject { ["id"] = "fake-model", ["provider"] = "fake", ["name"] = "Fake model" }) : new JsonArray(),
    });

    private FakeReply Health()
    {
        var agents = new JsonArray();
        foreach (var agent in _agents.Values)
        {
            var every = (string?)HeartbeatOf(agent.Id)?["every"];
            agents.Add(new JsonObject
            {
                ["agentId"] = agent.Id,
                ["isDefault"] = agent.Id == "main",
                ["heartbeat"] = new JsonObject { ["enabled"] = every is not null and not "0m", ["every"] = every ?? "disabled" },
            });
        }

        return FakeReply.Ok(new JsonObject { ["ok"] = true, ["defaultAgentId"] = "main", ["agents"] = agents, ["eventLoop"] = new JsonObject() });
    }

    private FakeReply AgentsList()
    {
        var now = DateTimeOffset.UtcNow;
        var agents = new JsonArray();
        foreach (var agent in _agents.Values.Where(a => a.VisibleAt <= now))
        {
            var configured = ConfigEntryOf(agent.Id);
            agents.Add(new JsonObject
            {
                ["id"] = agent.Id,
                ["name"] = (string?)configured?["name"] ?? agent.Name,
                ["workspace"] = (string?)configured?["workspace"] ?? agent.Workspace,
                ["thinkingDefault"] = "medium",
            });
        }
        return FakeReply.Ok(new JsonObject { ["defaultId"] = "main", ["agents"] = agents, ["scope"] = "per-sender" });
    }

    private FakeReply AgentsCreate(string name, string? workspace)
    {
        var id = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        if (id.Length == 0)
            return FakeReply.Invalid($"Agent name \"{name}\" has no valid id characters. Use at least one letter a-z or digit.");
        if (_agents.ContainsKey(id))
            return FakeReply.Invalid($"agent \"{id}\" already exists");
        var agent = new FakeAgent(id, name, workspace ?? $"/fake/workspace-{id}", DateTimeOffset.UtcNow + _faults.AgentVisibilityDelay);
        foreach (var file in new[] { "AGENTS.md", "SOUL.md", "USER.md", "BOOTSTRAP.md", "IDENTITY.md" })
            agent.Files[file] = $"# {file} for {id}\n";
        _agents[id] = agent;
        AddAgentToConfig(id, name, agent.Workspace);
        return FakeReply.Ok(new JsonObject { ["ok"] = true, ["agentId"] = id, ["name"] = name, ["workspace"] = agent.Workspace });
    }

    private FakeReply AgentsUpdate(FakeAgent agent, string? name, string? workspace)
    {
        agent.Name = name ?? agent.Name;
        agent.Workspace = workspace ?? agent.Workspace;
        if (ConfigEntryOf(agent.Id) is { } configured)
        {
            configured["name"] = agent.Name;
            configured["workspace"] = agent.Workspace;
        }
        return FakeReply.Ok(new JsonObject { ["ok"] = true, ["agentId"] = agent.Id });
    }

    private FakeReply AgentsDelete(string agentId, bool? deleteFiles)
    {
        if (agentId == "main")
            return FakeReply.Invalid("Agent \"main\" owns the legacy shared auth store and cannot be deleted.");
        return WithAgent(agentId, agent =>
        {
            LastDeleteFiles = deleteFiles;
            _agents.Remove(agent.Id);
            RemoveAgentFromConfig(agent.Id);
            return FakeReply.Ok(new JsonObject { ["ok"] = true, ["agentId"] = agent.Id, ["removed"] = new JsonArray(), ["failed"] = new JsonArray() });
        });
    }

    private static FakeReply FilesList(FakeAgent agent)
    {
        var files = new JsonArray();
        foreach (var name in ListedFiles)
        {
            var exists = agent.Files.TryGetValue(name, out var content);
            files.Add(new JsonObject { ["name"] = name, ["path"] = $"{agent.Workspace}/{name}", ["missing"] = !exists, ["size"] = exists ? content!.Length : null });
        }

        return FakeReply.Ok(new JsonObject { ["agentId"] = agent.Id, ["workspace"] = agent.Workspace, ["files"] = files });
    }

    private static FakeReply FileGet(FakeAgent agent, string name)
    {
        if (!AllowedFiles.Contains(name.Trim()))
            return FakeReply.Invalid($"unsupported file \"{name}\"");
        return FakeReply.Ok(new JsonObject { ["agentId"] = agent.Id, ["file"] = FileJson(agent, name) });
    }

    private static FakeReply FileSet(FakeAgent agent, string name, string content, string? expectedHash)
    {
        if (!AllowedFiles.Contains(name.Trim()))
            return FakeReply.Invalid($"unsupported file \"{name}\"");
        var current = agent.Files.TryGetValue(name, out var existing) ? Hash(existing) : null;
        if (expectedHash is not null && expectedHash != current)
            return FakeReply.Invalid($"agent file \"{name}\" changed since it was read");
        agent.Files[name] = content;
        return FakeReply.Ok(new JsonObject { ["ok"] = true, ["agentId"] = agent.Id, ["file"] = FileJson(agent, name) });
    }

    private static JsonObject FileJson(FakeAgent agent, string name) =>
        agent.Files.TryGetValue(name, out var content)
            ? new JsonObject { ["name"] = name, ["missing"] = false, ["size"] = content.Length, ["hash"] = Hash(content), ["content"] = content }
            : new JsonObject { ["name"] = name, ["missing"] = true };

    private FakeReply SessionsPatch(string key, bool hasLabel, string? label)
    {
        if (hasLabel && label is not null && _sessions.Any(s => s.Key != key && s.Value == label && AgentOf(s.Key) == AgentOf(key)))
            return FakeReply.Invalid($"label already in use: {label}");
        _sessions[key] = hasLabel ? label : _sessions.GetValueOrDefault(key);
        return FakeReply.Ok(new JsonObject { ["ok"] = true, ["key"] = key, ["entry"] = new JsonObject { ["label"] = _sessions[key] } });
    }

    private FakeReply SessionsReset(string key)
    {
        _sessions.TryAdd(key, null);
        return FakeReply.Ok(new JsonObject { ["ok"] = true, ["key"] = key, ["entry"] = new JsonObject { ["totalTokens"] = 0 } });
    }

    private FakeReply SessionsDelete(string key)
    {
        if (key.EndsWith(":main", StringComparison.Ordinal))
            return FakeReply.Invalid($"Cannot delete the main session ({key}).");
        var deleted = _sessions.Remove(key);
        return FakeReply.Ok(new JsonObject { ["ok"] = true, ["key"] = key, ["deleted"] = deleted, ["archived"] = new JsonArray() });
    }

    private FakeReply ChatSend(string sessionKey, string message, string idempotencyKey)
    {
        if (!_agents.ContainsKey(AgentOf(sessionKey)))
            return FakeReply.Invalid($"Agent \"{AgentOf(sessionKey)}\" no longer exists in configuration");
        _sessions.TryAdd(sessionKey, null);
        var status = _runs.Add(idempotencyKey) ? "started" : "in_flight";
        if (status == "started")
            _chats.Add(new FakeChat(sessionKey, message));
        return FakeReply.Ok(new JsonObject { ["runId"] = idempotencyKey, ["status"] = status });
    }

    private FakeReply SessionsList()
    {
        var sessions = new JsonArray();
        foreach (var (key, label) in _sessions.OrderBy(s => s.Key, StringComparer.Ordinal))
            sessions.Add(new JsonObject { ["key"] = key, ["kind"] = "direct", ["label"] = label, ["agentId"] = AgentOf(key) });
        return FakeReply.Ok(new JsonObject { ["count"] = sessions.Count, ["sessions"] = sessions });
    }

    // The transcript is the chat messages admitted for the session (user turns only: the fake runs no model).
    private FakeReply ChatHistory(string sessionKey, int? limit)
    {
        var turns = _chats.Where(chat => chat.SessionKey == sessionKey).ToList();
        var messages = new JsonArray();
        foreach (var chat in limit is { } n ? turns.TakeLast(n) : turns)
            messages.Add(new JsonObject { ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = chat.Message }) });
        return FakeReply.Ok(new JsonObject { ["sessionKey"] = sessionKey, ["messages"] = messages });
    }

    private FakeReply WithAgent(string agentId, Func<FakeAgent, FakeReply> action) =>
        _agents.TryGetValue(agentId, out var agent) && agent.VisibleAt <= DateTimeOffset.UtcNow
            ? action(agent)
            : FakeReply.Invalid($"agent \"{agentId}\" not found");

    private static string AgentOf(string sessionKey) =>
        sessionKey.StartsWith("agent:", StringComparison.Ordinal) ? sessionKey.Split(':')[1] : "main";

    private static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private sealed class FakeAgent(string id, string? name, string workspace, DateTimeOffset visibleAt)
    {
        public string Id { get; } = id;
        public string? Name { get; set; } = name;
        public string Workspace { get; set; } = workspace;
        public DateTimeOffset VisibleAt { get; } = visibleAt;
        public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>A chat message the fake gateway admitted.</summary>
public sealed record FakeChat(string SessionKey, string Message);
