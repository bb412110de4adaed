using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Operations;
using MissionControl.Templates.Credentials;
using Orleans;

namespace MissionControl.Grains.Gateways.TemplateSync;

/// <summary>
/// Rewrites the workspace of every agent on a gateway from the current templates. Each agent's
/// token is read back from its workspace (TOOLS.md, or AGENTS.md where the gateway refuses
/// TOOLS.md); a missing or mismatched token is rotated only when asked. Agents of paused boards
/// are skipped. The run shares one retry budget; when the gateway stays unreachable past it,
/// the run stops and says so instead of failing every remaining agent one by one.
/// </summary>
public sealed class GatewayTemplateSync(
    IGrainFactory grains, IGatewayRoster roster, IAgentSurroundings surroundings, WorkspaceProvisioner provisioner)
{
    /// <summary>Runs the sync; <paramref name="progress"/> hears the running totals after each agent.</summary>
    public async Task<TemplateSyncResult> RunAsync(
        Guid gatewayId, TemplateSyncOptions options, IProgress<TemplateSyncResult>? progress = null, CancellationToken ct = default)
    {
        var gateway = await surroundings.FindGatewayAsync(gatewayId, ct) ?? throw Common.DomainError.NotFound("Gateway not found");
        var run = new TemplateSyncRun(gatewayId, options, progress);
        var boards = (await roster.BoardsAsync(gatewayId, ct)).ToDictionary(b => b.BoardId);
        if (options.BoardId is { } only && !boards.ContainsKey(only))
            return run.Fail("Board does not belong to this gateway.");

        var agents = Select(await roster.AgentsAsync(gatewayId, ct), options);
        run.Start(agents.Count);
        var control = provisioner.ControlPlane(gateway);
        try
        {
            var credentialFiles = CredentialsLocation.FilesToRead(await control.ListSupportedFilesAsync(ct));
            foreach (var agent in agents)
            {
                if (agent.BoardId is { } boardId && boards.TryGetValue(boardId, out var board) && board.IsPaused)
                    run.Skip(agent, message: null);
                else
                    await SyncOneAsync(run, control, credentialFiles, agent, ct);
            }
        }
        catch (GatewayException ex) when (IsUnreachable(ex))
        {
            return run.Fail(ex.Message);
        }
        return run.Finish();
    }

    private static List<RosterAgent> Select(IReadOnlyList<RosterAgent> agents, TemplateSyncOptions options) => agents
        .Where(a => a.IsGatewayMain ? options.IncludeMain && options.BoardId is null : options.BoardId is null || a.BoardId == options.BoardId)
        .Where(a => !options.LeadOnly || a.IsGatewayMain || a.IsBoardLead)
        // Board agents first, the gateway-main agent last, as the sync has always run.
        .OrderBy(a => a.IsGatewayMain)
        .ToList();

    private async Task SyncOneAsync(
        TemplateSyncRun run, IGatewayControlPlane control, IReadOnlyList<string> credentialFiles, RosterAgent agent, CancellationToken ct)
    {
        var token = await ReadTokenAsync(control, credentialFiles, agent, ct);
        var outcome = await grains.GetGrain<IAgentGrain>(agent.AgentId.ToString()).SyncTemplates(new TemplateSyncRequest(token)
        {
            RotateTokens = run.Options.RotateTokens,
            ForceBootstrap = run.Options.ForceBootstrap,
            ResetSession = run.Options.ResetSessions,
            Overwrite = run.Options.Overwrite,
        });
        if (outcome.Updated)
            run.Updated(agent);
        else if (IsUnreachableMessage(outcome.Error))
            throw new GatewayException(GatewayErrorKind.Unreachable, outcome.Error!, isTransient: false);
        else
            run.Skip(agent, outcome.Error);
    }

    private static async Task<string?> ReadTokenAsync(
        IGatewayControlPlane control, IReadOnlyList<string> credentialFiles, RosterAgent agent, CancellationToken ct)
    {
        var gatewayAgentId = SessionKeys.AgentKey(agent.SessionKey);
        if (gatewayAgentId is null)
            return null;
        foreach (var name in credentialFiles)
        {
            try
            {
                var file = await control.GetAgentFileAsync(gatewayAgentId, name, ct);
                if (CredentialsBlock.ReadAuthToken(file.Content) is { } token)
                    return token;
            }
            catch (GatewayException ex) when (ex.Kind is GatewayErrorKind.AgentNotFound or GatewayErrorKind.UnsupportedFile or GatewayErrorKind.InvalidRequest)
            {
                // No such agent or file on the gateway: the token is simply missing.
            }
        }
        return null;
    }

    private static bool IsUnreachable(GatewayException ex) =>
        ex.Kind is GatewayErrorKind.Unreachable or GatewayErrorKind.CircuitOpen || IsUnreachableMessage(ex.Message);

    private static bool IsUnreachableMessage(string? message) =>
        message?.StartsWith("Gateway unreachable after", StringComparison.Ordinal) == true;
}
