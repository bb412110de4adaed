using System.Globalization;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents;

public static partial class AgentDecider
{
    private static IReadOnlyList<AgentEvent> Heartbeat(AgentState? state, RecordHeartbeat command)
    {
        var agent = RequireExisting(state);
        var reported = Text.TrimToNull(command.Status);
        if (reported is not null && AgentStatus.IsReservedForLifecycle(reported))
        {
            throw DomainError.Validation($"status '{reported}' is set by Mission Control, not by heartbeats");
        }

        return [new AgentHeartbeatRecorded(StatusAfterHeartbeat(agent, reported), command.Now)];
    }

    private static string StatusAfterHeartbeat(AgentState agent, string? reported)
    {
        if (agent.IsDeleting)
        {
            // Cleanup is under way; a late heartbeat proves nothing about the agent's future.
            return AgentStatus.Deleting;
        }

        if (reported is not null)
        {
            return reported;
        }

        return agent.Status is AgentStatus.Provisioning or AgentStatus.Updating or AgentStatus.Offline or AgentStatus.Failed
            ? AgentStatus.Online
            : agent.Status;
    }

    private static IReadOnlyList<AgentEvent> CheckLiveness(AgentState? state, CheckLiveness command)
    {
        if (IsGoneOrGoing(state) || !AgentStatus.CountsAsLive(state!.Status))
        {
            return Nothing;
        }

        // A woken agent is watched by the check-in deadline instead; never judge it twice.
        if (state.CheckInDeadline is not null || state.LastSeenAt is not { } lastSeen)
        {
            return Nothing;
        }

        if (command.Now - lastSeen <= command.OfflineAfter)
        {
            return Nothing;
        }

        var minutes = command.OfflineAfter.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        return [new AgentWentOffline(lastSeen, $"No heartbeat for more than {minutes} minutes", command.Now)];
    }

    private static IReadOnlyList<AgentEvent> CheckCheckIn(AgentState? state, CheckCheckIn command)
    {
        if (IsGoneOrGoing(state) || state!.CheckInDeadline is not { } deadline || command.Now < deadline)
        {
            return Nothing;
        }

        if (state.LastProvision is { IsInProgress: true })
        {
            return Nothing;
        }

        if (state.WakeAttempts >= command.MaxWakeAttempts)
        {
            return [new AgentWentOffline(state.LastSeenAt, AgentDefaults.NeverCheckedInReason, command.Now)];
        }

        EnsureTokenIsHashed(command.NewTokenHash);
        return
        [
            new AgentCheckInMissed(state.WakeAttempts, command.Now),
            new AgentTokenRotated(command.NewTokenHash, command.Now) { TokenLookup = command.NewTokenLookup },
            StartAttempt(state, ProvisionAction.Update, forceBootstrap: false, command.Now),
        ];
    }
}
