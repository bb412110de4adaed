using System.Globalization;
using System.Text.RegularExpressions;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents;

public static partial class AgentDecider
{
    /// <summary>Recorded step texts are a summary for operators, not a transcript.</summary>
    public const int MaxStepTextLength = 500;

    /// <summary>Longest provision error kept on the state.</summary>
    public const int MaxErrorLength = 2000;

    private static IReadOnlyList<AgentEvent> RecordStep(AgentState? state, RecordProvisionStep command)
    {
        var attempt = RequireAttempt(RequireExisting(state), command.Generation);
        if (!attempt.IsInProgress)
        {
            throw DomainError.Conflict($"Provision attempt {attempt.Generation} is no longer in progress");
        }

        var step = Text.TrimToNull(command.Step) ?? throw DomainError.Validation("step is required");
        return [new AgentProvisionStepRecorded(attempt.Generation, step, Brief(command.Sent), Brief(command.Answer), command.Now)];
    }

    private static IReadOnlyList<AgentEvent> Complete(AgentState? state, CompleteProvisioning command)
    {
        var agent = RequireExisting(state);
        var attempt = RequireAttempt(agent, command.Generation);
        // An agent that already checked in while the attempt ran (it read its token the moment
        // its files were written) owes no check-in for this wake.
        var checkedIn = agent.LastSeenAt >= attempt.StartedAt;
        return attempt.Outcome switch
        {
            ProvisionOutcome.Completed => Nothing,
            ProvisionOutcome.Failed => throw DomainError.Conflict($"Provision attempt {attempt.Generation} already failed"),
            _ =>
            [
                new AgentProvisionCompleted(
                    attempt.Generation,
                    command.WakeSent,
                    command.WakeSent && !checkedIn ? command.Now + command.CheckInWindow : null,
                    command.Now),
            ],
        };
    }

    private static IReadOnlyList<AgentEvent> Fail(AgentState? state, FailProvisioning command)
    {
        var attempt = RequireAttempt(RequireExisting(state), command.Generation);
        return attempt.Outcome switch
        {
            ProvisionOutcome.Failed => Nothing,
            ProvisionOutcome.Completed => throw DomainError.Conflict($"Provision attempt {attempt.Generation} already completed"),
            _ => [new AgentProvisionFailed(attempt.Generation, ErrorText(command.Error), command.Now)],
        };
    }

    private static IReadOnlyList<AgentEvent> Retry(AgentState? state, RetryProvisioning command)
    {
        var agent = RequireChangeable(state);
        var last = agent.LastProvision;
        if (last is null || last.Outcome == ProvisionOutcome.Completed)
        {
            throw DomainError.Conflict("There is no failed or interrupted provision to retry");
        }

        EnsureTokenIsHashed(command.NewTokenHash);
        // The raw token of the abandoned attempt is gone, so the retry must re-key the agent.
        return
        [
            new AgentTokenRotated(command.NewTokenHash, command.Now) { TokenLookup = command.NewTokenLookup },
            StartAttempt(agent, last.Action, command.ForceBootstrap || last.ForceBootstrap, command.Now) with
            {
                AutoRetry = command.Automatic ? last.AutoRetry + 1 : 0,
                ResetSession = last.ResetSession,
                Overwrite = last.Overwrite,
            },
        ];
    }

    private static IReadOnlyList<AgentEvent> SyncTemplates(AgentState? state, StartTemplateSync command)
    {
        var agent = RequireChangeable(state);
        if (agent.LastProvision is { IsInProgress: true } running)
        {
            throw DomainError.Conflict($"Provision attempt {running.Generation} is still in progress");
        }

        var events = new List<AgentEvent>();
        if (command.NewTokenHash is not null)
        {
            EnsureTokenIsHashed(command.NewTokenHash);
            events.Add(new AgentTokenRotated(command.NewTokenHash, command.Now) { TokenLookup = command.NewTokenLookup });
        }

        // A sync rewrites files quietly: no wake message, the agent picks the files up on its next run.
        events.Add(new AgentProvisionStarted(agent.NextGeneration, ProvisionAction.TemplateSync, command.ForceBootstrap, Wake: false, command.Now)
        {
            ResetSession = command.ResetSession,
            Overwrite = command.Overwrite,
        });
        return events;
    }

    private static IReadOnlyList<AgentEvent> CheckProgress(AgentState? state, CheckProvisionProgress command)
    {
        if (IsGoneOrGoing(state) || state!.LastProvision is not { IsInProgress: true } attempt)
        {
            return Nothing;
        }

        if (command.Now - attempt.LastProgressAt < command.StuckAfter)
        {
            return Nothing;
        }

        var since = attempt.LastProgressAt.ToString("O", CultureInfo.InvariantCulture);
        return [new AgentProvisionFailed(attempt.Generation, $"Provisioning interrupted: no progress since {since}", command.Now)];
    }

    private static ProvisionAttempt RequireAttempt(AgentState agent, int generation)
    {
        var attempt = agent.LastProvision;
        if (attempt is null || attempt.Generation != generation)
        {
            throw DomainError.Conflict($"Provision attempt {generation} is not the current one");
        }

        return attempt;
    }

    private static string ErrorText(string? error) =>
        Text.Truncate(Text.TrimToNull(error) ?? "Unknown provisioning error", MaxErrorLength);

    /// <summary>Shortened step text with anything that looks like a credential masked.</summary>
    internal static string Brief(string? text) =>
        Text.Truncate(SecretAssignment().Replace(text ?? string.Empty, "$1$2***"), MaxStepTextLength);

    // Step summaries are written by gateway code that also handles tokens; mask the usual
    // shapes (AUTH_TOKEN=..., ?token=..., "token": "...") so a careless summary cannot leak one.
    [GeneratedRegex("(?i)\\b(auth_token|token)(\"?\\s*[=:]\\s*\"?)[^\\s&\",}]+")]
    private static partial Regex SecretAssignment();
}
