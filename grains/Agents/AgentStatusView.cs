namespace MissionControl.Grains.Agents;

/// <summary>
/// The status shown to clients, computed at read time as upstream does: an agent that has
/// never checked in reads as provisioning, one silent past the offline window reads as
/// offline, even before the offline watchdog has run.
/// </summary>
public static class AgentStatusView
{
    /// <summary>The status to display for <paramref name="agent"/> at <paramref name="now"/>.</summary>
    public static string Compute(AgentState agent, DateTimeOffset now, TimeSpan? offlineAfter = null) =>
        Compute(agent.Status, agent.LastSeenAt, now, offlineAfter);

    /// <summary>The status to display for a stored status and last check-in at <paramref name="now"/>.</summary>
    public static string Compute(string status, DateTimeOffset? lastSeenAt, DateTimeOffset now, TimeSpan? offlineAfter = null)
    {
        if (status is AgentStatus.Updating or AgentStatus.Deleting or AgentStatus.Deleted or AgentStatus.Failed)
        {
            return status;
        }

        if (lastSeenAt is not { } lastSeen)
        {
            return AgentStatus.Provisioning;
        }

        return now - lastSeen > (offlineAfter ?? AgentDefaults.OfflineAfter) ? AgentStatus.Offline : status;
    }
}
