using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;

namespace MissionControl.Grains.Agents;

/// <summary>
/// Folds agent events into <see cref="AgentState"/>. Never throws and never decides: events are
/// facts, replayed as they were stored, so an event that does not fit (e.g. a step of a
/// superseded attempt) leaves the state as it is.
/// </summary>
public static class AgentEvolver
{
    /// <summary>The state after <paramref name="evt"/>.</summary>
    public static AgentState? Apply(AgentState? state, AgentEvent evt)
    {
        if (evt is AgentCreated created)
        {
            return Create(created);
        }

        // Inbox traffic is not a change to the agent itself, so it leaves UpdatedAt alone.
        if (evt is AgentInboxMessageEvent)
        {
            return state is null ? null : state with { Inbox = InboxEvolver.Apply(state.Inbox, evt) };
        }

        return state is null ? null : ApplyToExisting(state, evt) with { UpdatedAt = evt.At };
    }

    /// <summary>The state after all <paramref name="events"/>, starting from <paramref name="state"/>.</summary>
    public static AgentState? Fold(IEnumerable<AgentEvent> events, AgentState? state = null) =>
        events.Aggregate(state, Apply);

    private static AgentState ApplyToExisting(AgentState state, AgentEvent evt) => evt switch
    {
        AgentProvisionStarted e => StartAttempt(state, e),
        AgentProvisionStepRecorded e => WithAttempt(state, e.Generation, attempt => attempt with
        {
            Steps = [.. attempt.Steps, new ProvisionStep(e.Step, e.Sent, e.Answer, e.At)],
            LastProgressAt = e.At,
        }),
        AgentProvisionCompleted e => Complete(state, e),
        AgentProvisionFailed e => Fail(state, e),
        AgentTokenRotated e => state with { TokenHash = e.TokenHash },
        AgentProfileUpdated e => state with
        {
            Name = e.Name,
            HeartbeatConfig = e.HeartbeatConfig,
            IdentityProfile = e.IdentityProfile,
            IdentityTemplate = e.IdentityTemplate,
            SoulTemplate = e.SoulTemplate,
        },
        AgentScopeChanged e => state with
        {
            BoardId = e.BoardId,
            GatewayId = e.GatewayId,
            IsBoardLead = e.IsBoardLead,
            SessionKey = e.SessionKey,
        },
        AgentHeartbeatRecorded e => state with
        {
            Status = e.Status,
            LastSeenAt = e.At,
            WakeAttempts = 0,
            CheckInDeadline = null,
            LastProvisionError = null,
            OfflineReason = null,
        },
        AgentCheckInMissed => state with { CheckInDeadline = null },
        AgentWentOffline e => state with { Status = AgentStatus.Offline, OfflineReason = e.Reason, CheckInDeadline = null },
        AgentDeletionStarted => state with { Status = AgentStatus.Deleting, LastDeleteError = null, CheckInDeadline = null },
        AgentDeletionFailed e => state with { LastDeleteError = e.Error },
        AgentDeleted => state with { Status = AgentStatus.Deleted },
        AgentInboxKeyIssued e => state with { Inbox = InboxEvolver.Apply(state.Inbox, e) },
        _ => state,
    };

    private static AgentState Create(AgentCreated e) => new(
        e.AgentId,
        e.Name,
        e.BoardId,
        e.GatewayId,
        e.IsBoardLead,
        AgentStatus.Provisioning,
        e.SessionKey,
        e.TokenHash,
        e.HeartbeatConfig,
        e.IdentityProfile,
        e.IdentityTemplate,
        e.SoulTemplate,
        LastSeenAt: null,
        LastProvision: null,
        WakeAttempts: 0,
        LastWakeSentAt: null,
        CheckInDeadline: null,
        LastProvisionError: null,
        OfflineReason: null,
        LastDeleteError: null,
        CreatedAt: e.At,
        UpdatedAt: e.At);

    private static AgentState StartAttempt(AgentState state, AgentProvisionStarted e)
    {
        var attempt = new ProvisionAttempt(
            e.Generation, e.Action, e.ForceBootstrap, e.Wake, e.At, [], ProvisionOutcome.InProgress, null, e.At, null)
        {
            AutoRetry = e.AutoRetry,
            ResetSession = e.ResetSession,
            Overwrite = e.Overwrite,
        };
        var status = e.Action switch
        {
            ProvisionAction.Provision => AgentStatus.Provisioning,
            // A template sync leaves a working agent's status alone: it is still the same agent.
            ProvisionAction.TemplateSync => state.Status,
            _ => AgentStatus.Updating,
        };
        // A new attempt supersedes any pending check-in wait; it sets its own when it wakes the agent.
        return state with { LastProvision = attempt, Status = KeepDeleting(state, status), CheckInDeadline = null };
    }

    private static AgentState Complete(AgentState state, AgentProvisionCompleted e)
    {
        if (state.LastProvision?.Generation != e.Generation)
        {
            return state;
        }

        var completed = WithAttempt(state, e.Generation, attempt => attempt with
        {
            Outcome = ProvisionOutcome.Completed,
            FinishedAt = e.At,
            LastProgressAt = e.At,
        }) with
        {
            Status = KeepDeleting(state, IsSync(state) ? state.Status : AgentStatus.Online),
            LastProvisionError = null,
        };
        return e.WakeSent
            ? completed with { WakeAttempts = state.WakeAttempts + 1, LastWakeSentAt = e.At, CheckInDeadline = e.CheckInDeadline }
            : completed;
    }

    private static AgentState Fail(AgentState state, AgentProvisionFailed e)
    {
        if (state.LastProvision?.Generation != e.Generation)
        {
            return state;
        }

        return WithAttempt(state, e.Generation, attempt => attempt with
        {
            Outcome = ProvisionOutcome.Failed,
            Error = e.Error,
            FinishedAt = e.At,
        }) with
        {
            Status = KeepDeleting(state, IsSync(state) ? state.Status : AgentStatus.Failed),
            LastProvisionError = e.Error,
            CheckInDeadline = null,
        };
    }

    private static AgentState WithAttempt(AgentState state, int generation, Func<ProvisionAttempt, ProvisionAttempt> change) =>
        state.LastProvision is { } attempt && attempt.Generation == generation
            ? state with { LastProvision = change(attempt) }
            : state;

    private static bool IsSync(AgentState state) => state.LastProvision?.Action == ProvisionAction.TemplateSync;

    // Deletion outranks provisioning news that arrives late.
    private static string KeepDeleting(AgentState state, string status) =>
        state.IsDeleting || state.IsDeleted ? state.Status : status;
}
