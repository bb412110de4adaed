using System.Text.RegularExpressions;
using MissionControl.OpenClaw.Errors;

namespace MissionControl.OpenClaw.Operations;

public sealed partial class GatewayControlPlane
{
    // Names the gateway accepts for agents.files.* although agents.files.list never shows some of them.
    private static readonly string[] AlwaysSupportedFiles = ["IDENTITY.md"];

    private static readonly string[] FallbackSupportedFiles =
        ["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "BOOTSTRAP.md", "MEMORY.md"];

    // The file names only change when the gateway is upgraded; asking costs two calls (the
    // default agent, then its files).
    private static readonly RememberedPerConnection<IReadOnlySet<string>> SupportedFiles = new(TimeSpan.FromMinutes(5));

    private static readonly TimeSpan VisibilityPollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan MaxVisibilityPollInterval = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public Task UpsertAgentAsync(AgentRegistration registration, CancellationToken cancellationToken = default)
    {
        EnsureGatewayIdForm(registration.AgentId);
        return _resilience.ExecuteAsync(_kind, token => UpsertOnceAsync(registration, token), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, AgentFileInfo>> RegisterAgentAsync(AgentRegistration registration, CancellationToken cancellationToken = default)
    {
        EnsureGatewayIdForm(registration.AgentId);
        // Our own queue for the gateway's config lock is no failure of the gateway's, so waiting in
        // it is not charged to the call's retry budget.
        var created = await ConfigWrites.OneAtATimeAsync(_rpc,
            () => _resilience.ExecuteAsync(_kind, token => TryCreateAsync(registration, token), cancellationToken), cancellationToken);
        if (!created)
            await UpsertAgentAsync(registration, cancellationToken);
        return await _resilience.ExecuteAsync(_kind, token => FilesOnceServedAsync(registration.AgentId, token), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> ListSupportedFilesAsync(CancellationToken cancellationToken = default) =>
        SupportedFiles.GetAsync(_rpc, () => ReadSupportedFilesAsync(CancellationToken.None), cancellationToken);

    private Task<IReadOnlySet<string>> ReadSupportedFilesAsync(CancellationToken cancellationToken) =>
        _resilience.ExecuteAsync(_kind, async token =>
        {
            var agents = await _rpc.CallAsync("agents.list", cancellationToken: token);
            if (PayloadReaders.DefaultAgentId(agents) is not { } agentId)
                return (IReadOnlySet<string>)new HashSet<string>(FallbackSupportedFiles, StringComparer.Ordinal);
            var files = PayloadReaders.Files(await _rpc.CallAsync("agents.files.list", new AgentIdParams(agentId), cancellationToken: token));
            var names = new HashSet<string>(files.Keys, StringComparer.Ordinal);
            if (names.Count == 0)
                return new HashSet<string>(FallbackSupportedFiles, StringComparer.Ordinal);
            names.UnionWith(AlwaysSupportedFiles);
            return names;
        }, cancellationToken);

    private async Task<bool> UpsertOnceAsync(AgentRegistration registration, CancellationToken token)
    {
        var agents = PayloadReaders.Agents(await _rpc.CallAsync("agents.list", cancellationToken: token));
        var existing = agents.FirstOrDefault(agent => agent.Id == registration.AgentId);
        if (existing is null)
        {
            await TryCreateAsync(registration, token);
            await WaitUntilListedAsync(registration.AgentId, name: null, token);
        }

        var needsUpdate = existing is null
            ? registration.DisplayName != registration.AgentId
            : existing.Name != registration.DisplayName || (registration.Workspace is { } ws && existing.Workspace != ws);
        if (needsUpdate)
        {
            await UpdateWhileAppearingAsync(
                new AgentsUpdateParams(registration.AgentId, registration.DisplayName, registration.Workspace), token);
            await WaitUntilListedAsync(registration.AgentId, registration.DisplayName, token);
        }

        return true;
    }

    // agents.create derives the id from the name, so agents are created under their id (and renamed
    // after). True when this call created the agent, false when it was there already: a retried
    // create after a dropped reply, or a concurrent creator.
    private async Task<bool> TryCreateAsync(AgentRegistration registration, CancellationToken token)
    {
        try
        {
            await _rpc.CallAsync("agents.create", new AgentsCreateParams(registration.AgentId, registration.Workspace), cancellationToken: token);
            return true;
        }
        catch (GatewayException ex) when (ex.Kind == GatewayErrorKind.AlreadyExists)
        {
            return false;
        }
    }

    // The gateway answers agents.create before its runtime config reloads; until then the agent's
    // files are "not found". Asking for them is the visibility check that costs the gateway the
    // least (agents.list answers for the whole roster), and its answer is needed next anyway. A
    // gateway busy with a burst reloads late, so the asks grow further apart.
    private async Task<IReadOnlyDictionary<string, AgentFileInfo>> FilesOnceServedAsync(string agentId, CancellationToken token)
    {
        var deadline = DateTimeOffset.UtcNow + AgentVisibilityTimeout;
        var pause = VisibilityPollInterval;
        while (true)
        {
            try
            {
                return PayloadReaders.Files(await _rpc.CallAsync("agents.files.list", new AgentIdParams(agentId), cancellationToken: token));
            }
            catch (GatewayException ex) when (ex.Kind == GatewayErrorKind.AgentNotFound && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(pause, token);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 3 / 2, MaxVisibilityPollInterval.Ticks));
            }
        }
    }

    // The gateway answers agents.create and agents.update before its runtime config reloads
    // (~250 ms); until then agents.list shows the old state and other agents.* calls say "not found".
    private async Task WaitUntilListedAsync(string agentId, string? name, CancellationToken token)
    {
        var deadline = DateTimeOffset.UtcNow + AgentVisibilityTimeout;
        while (true)
        {
            var agents = PayloadReaders.Agents(await _rpc.CallAsync("agents.list", cancellationToken: token));
            if (agents.Any(agent => agent.Id == agentId && (name is null || agent.Name == name)))
                return;
            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new GatewayException(GatewayErrorKind.AgentNotFound,
                    $"agents.list: agent \"{agentId}\" not shown as requested after {AgentVisibilityTimeout.TotalSeconds:0.#} s",
                    isTransient: true) { Method = "agents.list" };
            }

            await Task.Delay(VisibilityPollInterval, token);
        }
    }

    private async Task UpdateWhileAppearingAsync(AgentsUpdateParams update, CancellationToken token)
    {
        var deadline = DateTimeOffset.UtcNow + AgentVisibilityTimeout;
        while (true)
        {
            try
            {
                await ConfigWrites.OneAtATimeAsync(_rpc, () => _rpc.CallAsync("agents.update", update, cancellationToken: token), token);
                return;
            }
            catch (GatewayException ex) when (ex.Kind == GatewayErrorKind.AgentNotFound && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(VisibilityPollInterval, token);
            }
        }
    }

    private static void EnsureGatewayIdForm(string agentId)
    {
        if (!AgentIdForm().IsMatch(agentId ?? ""))
        {
            throw new ArgumentException(
                $"Agent id \"{agentId}\" is not in gateway form (lowercase letters, digits and single dashes, at most 64 characters).",
                nameof(agentId));
        }
    }

    [GeneratedRegex("^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex AgentIdForm();
}
