using Microsoft.Extensions.Logging;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Agents;

// Provisioning runs in the activation that started the attempt, because only it holds the raw
// token (never stored). A durable watch reminder covers a silo that dies mid-run: it fires on a
// survivor, whose fresh activation holds no token, finds the attempt without progress, records
// it as interrupted, and starts a retry with a fresh token, a bounded number of times.
//
// A run interleaves with the grain's calls: reads and heartbeats answer while it waits on the
// gateway, and its own records go through the same serialized Execute. Whatever starts another
// attempt or deletes the agent stops the run first and waits for it, so an older attempt's
// gateway calls never land after a newer attempt's (or after the deletion's).
public sealed partial class AgentGrain
{
    private readonly Dictionary<int, string> _tokens = [];
    private ProvisionRunInFlight? _run;

    public async Task<TemplateSyncOutcome> SyncTemplates(TemplateSyncRequest request)
    {
        var agent = State is { IsDeleted: false } existing ? existing : throw DomainError.NotFound();
        var keeps = request.CurrentToken is { } current && AgentTokens.Verify(current, agent.TokenHash);
        if (!keeps && !request.RotateTokens)
            return new TemplateSyncOutcome(false, request.CurrentToken is null ? MissingTokenError : MismatchedTokenError);

        var rotated = keeps ? null : MintToken();
        await StopRunAsync();
        await Execute(state => AgentDecider.Decide(state, new StartTemplateSync(clock.GetUtcNow())
        {
            NewTokenHash = rotated?.Hash,
            NewTokenLookup = rotated?.Lookup,
            ForceBootstrap = request.ForceBootstrap,
            ResetSession = request.ResetSession,
            Overwrite = request.Overwrite,
        }));
        var generation = await ArmAttemptAsync(rotated?.Raw ?? request.CurrentToken!);
        await RunAttemptAsync(generation, CancellationToken.None);
        return State!.LastProvision is { Outcome: ProvisionOutcome.Completed }
            ? new TemplateSyncOutcome(true, null)
            : new TemplateSyncOutcome(false, State.LastProvision?.Error);
    }

    public const string MissingTokenError = "Skipping agent: unable to read AUTH_TOKEN from TOOLS.md (run with rotate_tokens=true to re-key).";
    public const string MismatchedTokenError = "Skipping agent: AUTH_TOKEN in TOOLS.md does not match the stored token hash (run with rotate_tokens=true to re-key).";

    /// <summary>Arms the watch for the attempt just started and runs it on this activation, beside its calls.</summary>
    /// <remarks>
    /// The attempt is already recorded, so it runs even when the watch cannot be armed: the
    /// reminder service can refuse for a while after another silo died (its messages to the dead
    /// silo are rejected until the cluster declares it dead). The run tries to arm the watch again
    /// first; the watch only matters should this silo die before the attempt ends.
    /// </remarks>
    private async Task StartAttemptAsync(string token)
    {
        await StopRunAsync();
        var generation = RememberToken(token);
        var watched = await TryArmProvisionWatchAsync();
        // After this call answers, interleaving with later calls: the caller learns the attempt
        // started, not how it ends, and nobody waits on the gateway to read the agent.
        var run = new ProvisionRunInFlight();
        _run = run;
        IGrainTimer? timer = null;
        timer = this.RegisterGrainTimer(async ct =>
        {
            if (!run.TryStart())
            {
                timer?.Dispose(); // stopped before it began
                return;
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, run.Stopping);
            try
            {
                if (!watched)
                    await TryArmProvisionWatchAsync();
                await RunAttemptAsync(generation, stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Stopped for a newer attempt or a deletion, or the activation is going away.
            }
            finally
            {
                run.Finished();
                timer?.Dispose(); // it fires once; disposing it earlier would cancel the run
            }
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    /// <summary>Stops the run in flight on this activation, if any, and waits until it has let go.</summary>
    private async Task StopRunAsync()
    {
        if (_run is not { } run)
            return;
        _run = null;
        await run.StopAsync();
    }

    private async Task<int> ArmAttemptAsync(string token)
    {
        var generation = RememberToken(token);
        await RemindOnceAsync(ProvisionWatch, options.ProvisionStuckAfter);
        return generation;
    }

    /// <summary>The attempt in progress, whose token only this activation holds.</summary>
    private int RememberToken(string token)
    {
        var generation = State!.LastProvision!.Generation;
        _tokens.Clear();
        _tokens[generation] = token;
        return generation;
    }

    private async Task<bool> TryArmProvisionWatchAsync()
    {
        try
        {
            await RemindOnceAsync(ProvisionWatch, options.ProvisionStuckAfter);
            return true;
        }
        catch (Exception ex) when (ex is OrleansException or ReminderException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not arm the provisioning watch of agent {AgentId}; the attempt runs without it for now", Key);
            return false;
        }
    }

    private async Task RunAttemptAsync(int generation, CancellationToken ct)
    {
        if (State?.LastProvision is not { IsInProgress: true } attempt || attempt.Generation != generation
            || !_tokens.TryGetValue(generation, out var token))
            return;
        try
        {
            var around = await surroundings.DescribeAsync(State, ct);
            var config = cluster.GetGrain<IGatewayConfigGrain>(State.GatewayId.ToString());
            var run = new ProvisionRun(State, attempt, token, around);
            var woke = await provisioner.RunAsync(run, config, (step, sent, answer) => RecordStepAsync(generation, step, sent, answer), ct);
            await FinishAttemptAsync(generation, woke);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await FailAttemptAsync(generation, ex.Message);
        }
        finally
        {
            _tokens.Remove(generation);
        }
    }

    private Task RecordStepAsync(int generation, string step, string sent, string answer) =>
        Execute(state => AgentDecider.Decide(state, new RecordProvisionStep(generation, step, sent, answer, clock.GetUtcNow())));

    private async Task FinishAttemptAsync(int generation, bool woke)
    {
        await Execute(state => AgentDecider.Decide(state, new CompleteProvisioning(generation, woke, clock.GetUtcNow())
        {
            CheckInWindow = options.CheckInWindow,
        }));
        await CancelAsync(ProvisionWatch);
        if (State?.CheckInDeadline is null)
            return;
        await RemindOnceAsync(CheckIn, options.CheckInWindow);
        // The run interleaves with heartbeats: one that checked in while the reminder was being
        // written found no reminder armed to cancel, so the watch it made pointless goes here.
        if (State?.CheckInDeadline is null)
            await CancelAsync(CheckIn);
    }

    private async Task FailAttemptAsync(int generation, string error)
    {
        try
        {
            await Execute(state => AgentDecider.Decide(state, new FailProvisioning(generation, error, clock.GetUtcNow())));
        }
        catch (DomainException)
        {
            // The attempt was superseded or settled meanwhile (a delete, say).
        }
        await CancelAsync(ProvisionWatch);
    }

    private async Task WatchProvisionAsync()
    {
        if (State?.LastProvision is not { IsInProgress: true } attempt || State.IsDeleting || State.IsDeleted)
            return;
        var now = clock.GetUtcNow();
        if (_tokens.ContainsKey(attempt.Generation))
        {
            await RemindOnceAsync(ProvisionWatch, options.ProvisionStuckAfter);
            return;
        }
        var failed = await Execute(state => AgentDecider.Decide(state, new CheckProvisionProgress(options.ProvisionStuckAfter, now)));
        if (failed.Count == 0)
        {
            await RemindOnceAsync(ProvisionWatch, Max(attempt.LastProgressAt + options.ProvisionStuckAfter - now, MinimumRecheck));
            return;
        }
        if (attempt.AutoRetry < options.MaxAutomaticRetries)
            await RetryAutomaticallyAsync();
    }

    private async Task RetryAutomaticallyAsync()
    {
        var token = MintToken();
        await Execute(state => AgentDecider.Decide(state, new Agents.RetryProvisioning(token.Hash, clock.GetUtcNow())
        {
            NewTokenLookup = token.Lookup,
            Automatic = true,
        }));
        await StartAttemptAsync(token.Raw);
    }

    private async Task CheckInAsync()
    {
        if (State?.CheckInDeadline is not { } deadline)
            return;
        var now = clock.GetUtcNow();
        if (now < deadline)
        {
            await RemindOnceAsync(CheckIn, Max(deadline - now, MinimumRecheck));
            return;
        }
        var token = MintToken();
        var events = await Execute(state => AgentDecider.Decide(state, new CheckCheckIn(token.Hash, now)
        {
            NewTokenLookup = token.Lookup,
            MaxWakeAttempts = options.MaxWakeAttempts,
        }));
        if (events.Any(e => e is AgentProvisionStarted))
            await StartAttemptAsync(token.Raw);
    }
}
