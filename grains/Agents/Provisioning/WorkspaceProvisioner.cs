using MissionControl.GrainInterfaces.Gateways;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Resilience;
using MissionControl.Templates.Planning;
using TemplateAction = MissionControl.Templates.Planning.ProvisionAction;

namespace MissionControl.Grains.Agents.Provisioning;

/// <summary>One provision attempt to carry out: the agent, the attempt, its raw token and surroundings.</summary>
public sealed record ProvisionRun(AgentState Agent, ProvisionAttempt Attempt, string Token, AgentSurroundings Around);

/// <summary>Records one finished gateway call: its name, what was sent and what came back (no secrets).</summary>
public delegate Task StepRecorder(string step, string sent, string answer);

/// <summary>
/// Carries out a provision attempt on the gateway: registers the agent, writes the rendered
/// workspace, queues its heartbeat settings, and wakes it. Every call is idempotent, so a run
/// interrupted half way can simply be run again. Each finished call is reported to the recorder,
/// which makes it part of the agent's history.
/// </summary>
public sealed class WorkspaceProvisioner(GatewayClientPool clients, AgentOptions options, GatewayLanes lanes)
{
    private static readonly WorkspacePlanner Planner = new();

    /// <summary>The answer recorded for the wake when the gateway lists no model.</summary>
    public const string NotWokenWithoutModel = "not sent: the gateway lists no model to run the agent on (models.list); its heartbeat schedule starts it once one is configured";

    /// <summary>The control plane of a gateway for cleanup and other one-off calls.</summary>
    public IGatewayControlPlane ControlPlane(GatewayTarget gateway) => clients.ControlPlane(gateway.Connection);

    /// <summary>Runs every step, once the gateway's lane has room; returns whether the agent was woken.</summary>
    public async Task<bool> RunAsync(ProvisionRun run, IGatewayConfigGrain config, StepRecorder record, CancellationToken ct)
    {
        var (agent, attempt) = (run.Agent, run.Attempt);
        var gatewayAgentId = AgentWorkspace.GatewayAgentId(agent);
        var workspace = AgentWorkspace.PathFor(run.Around.Gateway.WorkspaceRoot, gatewayAgentId);
        var kind = attempt.Action == ProvisionAction.TemplateSync ? GatewayOperationKind.TemplateSync : GatewayOperationKind.Interactive;
        var control = clients.ControlPlane(run.Around.Gateway.Connection, kind);
        bool wakes;
        WorkspacePlan plan;
        // The lane covers the agent's own gateway work; the heartbeat entry is written in the
        // gateway's next coalesced config round, which the next agents' work need not wait for.
        using (await lanes.EnterAsync(agent.GatewayId, ct))
        {
            var existing = await control.RegisterAgentAsync(new AgentRegistration(gatewayAgentId, agent.Name, workspace), ct);
            await record("agents.upsert", $"{gatewayAgentId} name={agent.Name} workspace={workspace}", "ok");
            // Asked once the gateway has answered, so an unreachable one fails the attempt at
            // the first step, and remembered per connection, so a burst asks once.
            wakes = attempt.Wake && await ListsAnyModelAsync(control, ct);
            if (NeedsSession(agent, attempt, wakes))
            {
                await control.EnsureSessionAsync(agent.SessionKey, agent.Name, ct);
                await record("sessions.ensure", agent.SessionKey, "ok");
            }
            plan = await PlanAsync(control, run, gatewayAgentId, workspace, existing, record, ct);
            await WriteFilesAsync(control, gatewayAgentId, plan, record, ct);
        }

        await QueueHeartbeatAsync(config, agent, gatewayAgentId, workspace, plan.HeartbeatPrompt, record);
        if (attempt.ResetSession)
        {
            await control.ResetSessionAsync(agent.SessionKey, ct);
            await record("sessions.reset", agent.SessionKey, "ok");
        }

        if (attempt.Wake && !wakes)
            await record("chat.send wake", agent.SessionKey, NotWokenWithoutModel);
        return wakes && await WakeAsync(control, agent, attempt, record, ct);
    }

    private async Task<WorkspacePlan> PlanAsync(
        IGatewayControlPlane control, ProvisionRun run, string gatewayAgentId, string workspace,
        IReadOnlyDictionary<string, AgentFileInfo> existing, StepRecorder record, CancellationToken ct)
    {
        var accepted = await control.ListSupportedFilesAsync(ct);
        await record("agents.files.list", gatewayAgentId,
            $"accepts {string.Join(", ", accepted.Order())}; present {string.Join(", ", existing.Values.Where(f => !f.Missing).Select(f => f.Name).Order())}");
        var attempt = run.Attempt;
        var inputs = new WorkspaceInputs(
            attempt.Action == ProvisionAction.Provision ? TemplateAction.Provision : TemplateAction.Update,
            accepted,
            existing.Values.Select(f => new ExistingFile(f.Name, f.Missing)).ToList())
        {
            ForceBootstrap = attempt.ForceBootstrap,
            Overwrite = attempt.Overwrite,
            IdentityTemplate = run.Agent.IdentityTemplate,
            SoulTemplate = run.Agent.SoulTemplate,
        };
        var context = WorkspaceContextFactory.For(run.Agent, run.Around, run.Token, options.BaseUrl, workspace);
        return Planner.Plan(context, inputs);
    }

    // Sent together: the gateway queues workspace writes itself, so this saves round trips, not
    // order. Recorded afterwards in the plan's order.
    private static async Task WriteFilesAsync(
        IGatewayControlPlane control, string gatewayAgentId, WorkspacePlan plan, StepRecorder record, CancellationToken ct)
    {
        var files = plan.Files.ToList();
        var answers = await Task.WhenAll(files.Select(file => WriteFileAsync(control, gatewayAgentId, file.Key, file.Value, ct)));
        for (var i = 0; i < files.Count; i++)
            await record($"agents.files.set {files[i].Key}", $"{files[i].Value.Length} characters", answers[i]);

        if (plan.Skipped.Count > 0)
        {
            var skipped = plan.Skipped.Select(s => s.Detail is null ? $"{s.Name} ({s.Reason})" : $"{s.Name} ({s.Reason}: {s.Detail})");
            await record("workspace.skipped", string.Join("; ", skipped), "not written");
        }
    }

    private static async Task<string> WriteFileAsync(IGatewayControlPlane control, string gatewayAgentId, string name, string content, CancellationToken ct)
    {
        try
        {
            await control.SetAgentFileAsync(gatewayAgentId, name, content, cancellationToken: ct);
            return "ok";
        }
        catch (GatewayException ex) when (ex.Kind == GatewayErrorKind.UnsupportedFile)
        {
            // The gateway's accepted list and its writer disagree; the file is skipped as upstream does.
            return "skipped: unsupported file";
        }
    }

    private static async Task QueueHeartbeatAsync(
        IGatewayConfigGrain config, AgentState agent, string gatewayAgentId, string workspace, string? prompt, StepRecorder record)
    {
        var settings = HeartbeatSettingsReader.Read(agent.HeartbeatConfig, prompt);
        var result = await config.WriteHeartbeat(new AgentHeartbeat(gatewayAgentId, settings, workspace, agent.Name));
        await record("config.patch heartbeat", $"{gatewayAgentId} name={agent.Name} every={settings.Every} target={settings.Target ?? "default"}",
            result.Patched ? $"patched in {result.Rounds} round(s)" : "already up to date");
    }

    // The session is ensured for the wake, which runs in it. Without a wake on a gateway without
    // a model, the session change would only cost the gateway a walk over its whole roster; kept
    // where something else needs the session now: a template sync (no wake of its own), a reset,
    // and the gateway's main agent, whose session the gateway status shows.
    private static bool NeedsSession(AgentState agent, ProvisionAttempt attempt, bool wakes) =>
        wakes || !attempt.Wake || attempt.ResetSession || agent.IsGatewayMain;

    // A gateway that could not say whether it has a model (its retries spent) is woken as before
    // rather than failing the attempt, and asked again next time.
    private static async Task<bool> ListsAnyModelAsync(IGatewayControlPlane control, CancellationToken ct)
    {
        try
        {
            return await control.ListsAnyModelAsync(ct);
        }
        catch (GatewayException)
        {
            return true;
        }
    }

    // Not called on a gateway without a model: the wake would start a run that can only fail,
    // costing the gateway about as much CPU as creating the agent (and ensuring the session for
    // it another third of a second per agent in a burst). The agent's heartbeat entry has the
    // gateway start it, in its main session, once a model is configured.
    private static async Task<bool> WakeAsync(
        IGatewayControlPlane control, AgentState agent, ProvisionAttempt attempt, StepRecorder record, CancellationToken ct)
    {
        var message = AgentMessages.Wake(agent.Name, attempt.Action);
        // One idempotency key per attempt: a retried send after a dropped reply is not a second wake.
        var sent = await control.SendChatAsync(agent.SessionKey, message, $"wake-{agent.Id}-{attempt.Generation}", deliver: true, ct);
        await record("chat.send wake", agent.SessionKey, $"run {sent.RunId}");
        return true;
    }
}
